package dev.printfarm.appconnection.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.printfarm.appconnection.api.AppConnectionService;
import dev.printfarm.appconnection.api.PortalRequest;
import dev.printfarm.appconnection.api.error.PrinterResponseException;
import dev.printfarm.appconnection.api.error.TransferLimitException;
import dev.printfarm.appconnection.api.octoprint.OctoPrintClient;
import dev.printfarm.appconnection.api.octoprint.OctoPrintStorage;
import dev.printfarm.appconnection.api.octoprint.OctoPrintUploadOptions;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Uploads and downloads against the account's transfer limits (known from the Info API, or told by the relay
 * with 607/608), and a 200 MB upload that streams through the module with bounded memory. Runs inside Liberty.
 */
@ExtendWith(ArquillianExtension.class)
class TransfersIT {

    private static final long MB = 1_000_000;

    @Deployment(name = "sandbox", testable = false, order = 1)
    static WebArchive sandbox() {
        return Deployments.sandbox();
    }

    @Deployment(name = "module", order = 2)
    static WebArchive module() {
        return Deployments.module(
                "module-transfers-it",
                Map.of("appconnection.info.cache-ttl", "PT0.5S", "appconnection.lan.enabled", "false"),
                TransfersIT.class);
    }

    @Inject
    AppConnectionService service;

    private String connect(SandboxClient sandbox, int printerIndex) {
        String printerId = sandbox.printers().getJsonObject(printerIndex).getString("id");
        PortalDriver browser = new PortalDriver();
        URI callback = browser.authorize(
                browser.start(service, PortalRequest.forOwner("transfers-it").withOctoPrintApiKey("Transfers IT")),
                printerId);
        assertEquals(303, browser.get(callback).statusCode());
        return PortalDriver.query(callback).get("id");
    }

    @Test
    @OperateOnDeployment("module")
    void anUploadOverTheKnownLimitIsRefusedWithoutSendingAByte() {
        SandboxClient sandbox = SandboxClient.onThisServer();
        String printerId = sandbox.printers().getJsonObject(0).getString("id");
        sandbox.control(printerId, "{\"limits\": {\"maxUploadBytes\": 1000}}");
        try {
            String id = connect(sandbox, 0);
            ByteArrayInputStream content = new ByteArrayInputStream(new byte[5000]);
            TransferLimitException refused = assertThrows(
                    TransferLimitException.class,
                    () -> service.octoPrint(id)
                            .upload(
                                    OctoPrintStorage.LOCAL,
                                    "big.gcode",
                                    content,
                                    5000,
                                    OctoPrintUploadOptions.storeOnly()));
            assertEquals(TransferLimitException.Direction.UPLOAD, refused.direction());
            assertEquals(1000, refused.limitBytes().getAsLong());
            assertTrue(refused.octoEverywhereCode().isEmpty(), "refused here, before OctoEverywhere could say 608");
            assertTrue(refused.getMessage().contains("1000"), refused.getMessage());
            assertEquals(5000, content.available(), "not a byte was read from the stream");
            assertEquals(0, sandbox.uploadBytes(id), "the sandbox saw no upload byte");
            assertEquals(0, sandbox.relayedRequests(id), "nothing was relayed at all");

            OctoPrintClient octoPrint = service.octoPrint(id);
            // The limit counts the whole request body, multipart framing included.
            octoPrint.upload(
                    OctoPrintStorage.LOCAL,
                    "small.gcode",
                    new ByteArrayInputStream(new byte[500]),
                    500,
                    OctoPrintUploadOptions.storeOnly());
            assertTrue(
                    octoPrint.file(OctoPrintStorage.LOCAL, "small.gcode").isPresent(),
                    "under the limit it goes through");
        } finally {
            sandbox.control(printerId, "{\"limits\": null}");
        }
    }

    @Test
    @OperateOnDeployment("module")
    void aDownloadOverTheKnownLimitIsRefusedBeforeItsBodyIsRead() {
        SandboxClient sandbox = SandboxClient.onThisServer();
        String printerId = sandbox.printers().getJsonObject(1).getString("id");
        String id = connect(sandbox, 1);
        OctoPrintClient octoPrint = service.octoPrint(id);
        octoPrint.upload(
                OctoPrintStorage.LOCAL,
                "download-me.gcode",
                new ByteArrayInputStream(new byte[3000]),
                3000,
                OctoPrintUploadOptions.storeOnly());
        sandbox.control(printerId, "{\"limits\": {\"maxDownloadBytes\": 1000}}");
        try {
            assertEquals(
                    1000, service.info(id).limits().maxDownloadBytes().getAsLong(), "the Info API tells the limit");
            int before = sandbox.relayedRequests(id);
            TransferLimitException refused = assertThrows(
                    TransferLimitException.class,
                    () -> octoPrint.download(OctoPrintStorage.LOCAL, "download-me.gcode"));
            assertEquals(TransferLimitException.Direction.DOWNLOAD, refused.direction());
            assertEquals(1000, refused.limitBytes().getAsLong());
            assertTrue(refused.octoEverywhereCode().isEmpty(), "refused here, before OctoEverywhere could say 607");
            assertEquals(before + 1, sandbox.relayedRequests(id), "only the file's size was asked for, not its body");
        } finally {
            sandbox.control(printerId, "{\"limits\": null}");
        }
    }

    @Test
    @OperateOnDeployment("module")
    void relayLimitCodesMapToTheSameExceptions() {
        SandboxClient sandbox = SandboxClient.onThisServer();
        String printerId = sandbox.printers().getJsonObject(2).getString("id");
        String id = connect(sandbox, 2);
        OctoPrintClient octoPrint = service.octoPrint(id);
        sandbox.printerResource(
                printerId, "responses", "{\"method\": \"POST\", \"path\": \"/api/files/local\", \"status\": 608}");
        sandbox.printerResource(
                printerId,
                "responses",
                "{\"method\": \"GET\", \"path\": \"/downloads/files/local/x.gcode\", \"status\": 607}");
        try {
            TransferLimitException upload = assertThrows(
                    TransferLimitException.class,
                    () -> octoPrint.upload(
                            OctoPrintStorage.LOCAL,
                            "x.gcode",
                            new ByteArrayInputStream(new byte[10]),
                            10,
                            OctoPrintUploadOptions.storeOnly()));
            assertEquals(TransferLimitException.Direction.UPLOAD, upload.direction());
            TransferLimitException download = assertThrows(
                    TransferLimitException.class, () -> octoPrint.download(OctoPrintStorage.LOCAL, "x.gcode"));
            assertEquals(TransferLimitException.Direction.DOWNLOAD, download.direction());
            var byStatus = sandbox.stats()
                    .getJsonObject("connections")
                    .getJsonObject(id)
                    .getJsonObject("byStatus");
            assertEquals(1, byStatus.getInt("608"), "608 is never retried: " + byStatus);
            assertEquals(1, byStatus.getInt("607"), "607 is never retried: " + byStatus);
        } finally {
            sandbox.printerResource(printerId, "responses", null);
        }
    }

    @Test
    @OperateOnDeployment("module")
    void a200MegabyteUploadStreamsThroughWithBoundedMemory() throws Exception {
        SandboxClient sandbox = SandboxClient.onThisServer();
        String printerId = sandbox.printers().getJsonObject(0).getString("id");
        String id = connect(sandbox, 0);
        // The emulated printer keeps at most 1 MB of the body, so what the heap holds is the module's doing.
        sandbox.control(printerId, "{\"storageBytes\": 1000000}");
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        try {
            long baseline = usedAfterGc(memory);
            long size = 200 * MB;
            GeneratedContent content = new GeneratedContent(size, 20 * MB, produced -> {
                long arrived = sandbox.uploadBytes(id);
                long heapGrowth = usedAfterGc(memory) - baseline;
                return new long[] {produced, arrived, heapGrowth};
            });
            PrinterResponseException full = assertThrows(
                    PrinterResponseException.class,
                    () -> service.octoPrint(id)
                            .upload(
                                    OctoPrintStorage.LOCAL,
                                    "huge.gcode",
                                    content,
                                    size,
                                    OctoPrintUploadOptions.storeOnly()));
            assertEquals(
                    413,
                    full.printerStatus().getAsInt(),
                    "the emulated printer read it all, then said it is too large");
            assertTrue(sandbox.uploadBytes(id) >= size, "the sandbox received " + sandbox.uploadBytes(id));
            System.out.println("TransfersIT 200 MB upload checkpoints [produced, arrived at sandbox, heap growth]: "
                    + content.describe());
            for (long[] checkpoint : content.checkpoints()) {
                assertTrue(
                        checkpoint[0] - checkpoint[1] <= 16 * MB,
                        "the module held back more than 16 MB: " + content.describe());
                assertTrue(checkpoint[2] <= 64L * 1024 * 1024, "heap grew by more than 64 MiB: " + content.describe());
            }
            assertTrue(content.checkpoints().size() >= 9, content.describe());
        } finally {
            sandbox.control(printerId, "{\"storageBytes\": null}");
        }
    }

    private static long usedAfterGc(MemoryMXBean memory) {
        System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }

    /** Bytes made up as they are read, never stored; every {@code every} bytes it records a checkpoint. */
    private static final class GeneratedContent extends InputStream {
        interface Probe {
            long[] at(long produced);
        }

        private final long size;
        private final long every;
        private final Probe probe;
        private final List<long[]> checkpoints = new ArrayList<>();
        private long produced;
        private long nextCheckpoint;

        GeneratedContent(long size, long every, Probe probe) {
            this.size = size;
            this.every = every;
            this.probe = probe;
            this.nextCheckpoint = every;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (produced >= size) {
                return -1;
            }
            if (produced >= nextCheckpoint) {
                checkpoints.add(probe.at(produced));
                nextCheckpoint += every;
            }
            int n = (int) Math.min(len, Math.min(size - produced, nextCheckpoint - produced));
            for (int i = 0; i < n; i++) {
                b[off + i] = (byte) ('0' + (produced + i) % 10);
            }
            produced += n;
            return n;
        }

        List<long[]> checkpoints() {
            return checkpoints;
        }

        String describe() {
            StringBuilder text = new StringBuilder();
            for (long[] c : checkpoints) {
                text.append(String.format("[%d MB, %d MB, %+d MB] ", c[0] / MB, c[1] / MB, c[2] / MB));
            }
            return text.toString();
        }
    }
}
