package dev.printfarm.appconnection.it;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.lang.management.ThreadMXBean;

/**
 * What {@link SoakIT} asks the test server, as one line {@code <heap used MB> <threads> <peak threads>}:
 * {@code /soak-probe/probe/heap} runs a full collection first ({@code System.gc()}, which G1 does as a full, stop-the-world
 * one), so the heap figure is what survives it.
 */
@WebServlet("/probe/*")
public class SoakProbe extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if ("/heap".equals(request.getPathInfo())) {
            System.gc();
        }
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        response.setContentType("text/plain");
        response.getWriter()
                .print(heap.getUsed() / (1024 * 1024) + " " + threads.getThreadCount() + " "
                        + threads.getPeakThreadCount());
    }
}
