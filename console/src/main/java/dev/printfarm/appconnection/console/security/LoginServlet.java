package dev.printfarm.appconnection.console.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code POST /login} reaches here only once {@link ConsoleAuthentication} accepted the form, and gives the session a
 * new id; {@code POST /logout} ends the session. Both go on to a page.
 */
@WebServlet({"/login", "/logout"})
public class LoginServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        if ("/logout".equals(request.getServletPath())) {
            try {
                request.logout();
            } catch (ServletException e) {
                // Already logged out.
            }
            var session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            response.sendRedirect(request.getContextPath() + "/login.html?out");
            return;
        }
        // A session id known before the login (one an attacker could have planted) is worth nothing after it.
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        response.sendRedirect(request.getContextPath() + "/");
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.sendRedirect(request.getContextPath() + "/");
    }
}
