package dev.printfarm.appconnection.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.printfarm.appconnection.api.AppConnectionService;
import dev.printfarm.appconnection.api.PortalRequest;
import dev.printfarm.appconnection.api.Subscription;
import dev.printfarm.appconnection.api.appapi.GadgetListener;
import dev.printfarm.appconnection.api.appapi.GadgetStatus;
import dev.printfarm.appconnection.api.appapi.GadgetUpdate;
import dev.printfarm.appconnection.api.octoprint.OctoPrintClient;
import dev.printfarm.appconnection.api.stream.StreamEnd;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Gadget monitor against the sandbox, which records the time of every Gadget call. Three printers are watched at
 * once so that one 35-second window serves every rule: many watchers of a printing printer, watchers of an idle one,
 * and a print for which Gadget is disabled.
 */
@ExtendWith(ArquillianExtension.class)
class GadgetMonitorIT {

    private static final Duration WINDOW = Duration.ofSeconds(35);

    @Deployment(name = "sandbox", testable = false, order = 1)
    static WebArchive sandbox() {
        return Deployments.sandbox();
    }

    @Deployment(name = "module", order = 2)
    static WebArchive module() {
        return Deployments.module(
                "module-gadget-it",
                Map.of("appconnection.gadget.print-check-interval", "PT2S"),
                GadgetMonitorIT.class,
                ModuleEvents.class);
    }

    @Inject
    AppConnectionService service;

    @Inject
    ModuleEvents events;

    private String connect(String printerId) {
        return PortalDriver.connect(service, PortalRequest.forOwner("gadget-it"), printerId);
    }

    private void idle(OctoPrintClient printer) {
        if (printer.printer().printing()) {
            printer.cancelPrint();
        }
        Await.until(Duration.ofSeconds(10), () -> !printer.printer().printing(), () -> "the print did not stop");
    }

    private void printing(OctoPrintClient printer) {
        if (!printer.printer().printing()) {
            printer.startPrint();
        }
        Await.until(Duration.ofSeconds(10), () -> printer.printer().printing(), () -> "no print started");
    }

    private static List<Subscription> watch(
            AppConnectionService service, String id, int watchers, List<List<GadgetUpdate>> received) {
        List<Subscription> subscriptions = new ArrayList<>();
        for (int i = 0; i < watchers; i++) {
            List<GadgetUpdate> mine = new CopyOnWriteArrayList<>();
            received.add(mine);
            subscriptions.add(service.watchGadget(id, mine::add));
        }
        return subscriptions;
    }

    @Test
    @OperateOnDeployment("module")
    void oneCallPerTenSecondsWhileAPrintRunsNoneWhileIdleNoneForADisabledPrint() {
        SandboxClient sandbox = SandboxClient.onThisServer();
        String busyPrinter = sandbox.printers().getJsonObject(0).getString("id");
        String idlePrinter = sandbox.printers().getJsonObject(1).getString("id");
        String disabledPrinter = sandbox.printers().getJsonObject(2).getString("id");
        String busy = connect(busyPrinter);
        String idle = connect(idlePrinter);
        String disabled = connect(disabledPrinter);
        printing(service.octoPrint(busy));
        idle(service.octoPrint(idle));
        printing(service.octoPrint(disabled));
        sandbox.printerResource(disabledPrinter, "gadget", "{\"state\": 1}");
        try {
            List<List<GadgetUpdate>> busyReceived = new ArrayList<>();
            List<List<GadgetUpdate>> idleReceived = new ArrayList<>();
            List<List<GadgetUpdate>> disabledReceived = new ArrayList<>();
            List<Subscription> busyWatchers = watch(service, busy, 20, busyReceived);
            List<Subscription> idleWatchers = watch(service, idle, 5, idleReceived);
            List<Subscription> disabledWatchers = watch(service, disabled, 3, disabledReceived);

            Await.during(WINDOW);
            busyWatchers.forEach(Subscription::close);
            idleWatchers.forEach(Subscription::close);

            List<Instant> calls = sandbox.gadgetCalls(busyPrinter, busy);
            assertTrue(calls.size() >= 3 && calls.size() <= 4, "20 watchers for 35 s, Gadget calls: " + calls);
            for (int i = 1; i < calls.size(); i++) {
                Duration gap = Duration.between(calls.get(i - 1), calls.get(i));
                assertTrue(gap.compareTo(Duration.ofSeconds(10)) >= 0, "calls " + gap + " apart: " + calls);
            }
            for (List<GadgetUpdate> received : busyReceived) {
                assertEquals(calls.size(), received.size(), "every watcher gets every answer, once");
                assertEquals(
                        GadgetStatus.State.ACTIVE,
                        received.get(0).status().orElseThrow().state());
            }
            assertEquals(calls.size(), events.gadget(busy).size(), "one CDI event per answer, not one per watcher");
            PrometheusText metrics = PrometheusText.of(sandbox.base());
            assertTrue(
                    metrics.sum("appconnection_gadget_calls_total", "outcome=\"2xx\"") >= calls.size(),
                    "Gadget calls are counted: " + metrics);

            assertEquals(List.of(), sandbox.gadgetCalls(idlePrinter, idle), "a printer without a print is not polled");
            idleReceived.forEach(received -> assertEquals(List.of(), received));

            assertEquals(
                    1,
                    sandbox.gadgetCalls(disabledPrinter, disabled).size(),
                    "DisabledForCurrentPrint: not asked again during that print");
            assertEquals(
                    GadgetStatus.State.DISABLED_FOR_CURRENT_PRINT,
                    disabledReceived.get(0).get(0).status().orElseThrow().state());

            // A new print on the disabled printer: Gadget is asked again. Meanwhile the closed watches cost nothing.
            OctoPrintClient printer = service.octoPrint(disabled);
            idle(printer);
            printing(printer);
            Await.until(
                    Duration.ofSeconds(15),
                    () -> sandbox.gadgetCalls(disabledPrinter, disabled).size() == 2,
                    () -> "no Gadget call after the new print: " + sandbox.gadgetCalls(disabledPrinter, disabled));
            disabledWatchers.forEach(Subscription::close);
            assertEquals(calls, sandbox.gadgetCalls(busyPrinter, busy), "no call once the last watcher left");
        } finally {
            sandbox.printerResource(disabledPrinter, "gadget", null);
        }
    }

    @Test
    @OperateOnDeployment("module")
    void removingTheConnectionEndsItsWatchesOnce() {
        SandboxClient sandbox = SandboxClient.onThisServer();
        // The busy printer: a watch on a printing printer stays open until something ends it.
        String id = connect(sandbox.printers().getJsonObject(0).getString("id"));
        List<StreamEnd> ends = new CopyOnWriteArrayList<>();
        GadgetListener listener = new GadgetListener() {
            @Override
            public void onUpdate(GadgetUpdate update) {}

            @Override
            public void onEnd(StreamEnd end) {
                ends.add(end);
            }
        };
        try (Subscription first = service.watchGadget(id, listener);
                Subscription second = service.watchGadget(id, listener)) {
            assertTrue(service.remove(id));
            Await.until(Duration.ofSeconds(5), () -> ends.size() == 2, () -> "ends heard: " + ends);
            assertEquals(
                    List.of(
                            StreamEnd.of(StreamEnd.Reason.ENDED_UPSTREAM),
                            StreamEnd.of(StreamEnd.Reason.ENDED_UPSTREAM)),
                    ends,
                    "each subscription hears the end once");
        }
        Await.during(Duration.ofSeconds(1));
        assertEquals(2, ends.size(), "closing an ended subscription says nothing more");
    }
}
