package dev.printfarm.appconnection.sandbox.moonraker;

import dev.printfarm.appconnection.sandbox.printer.EmulatedPrinter;
import dev.printfarm.appconnection.sandbox.push.HubSocket;
import dev.printfarm.appconnection.sandbox.push.PushTransport;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One open Moonraker socket of one printer: its subscription and what it last told the client, so that
 * {@code notify_status_update} carries only what changed. Requests and ticks take this object's lock, so a
 * subscription's answer always comes before its first update. Thread-safe.
 */
public final class RpcSocket extends HubSocket {

    private Optional<ObjectQuery> subscription = Optional.empty();
    private Map<String, JsonObject> told = Map.of();
    private Optional<Boolean> klippyReady = Optional.empty();

    RpcSocket(
            long id, EmulatedPrinter printer, PushTransport transport, Runnable frameSent, Consumer<HubSocket> broken) {
        super(id, printer, transport, frameSent, broken);
    }

    public synchronized boolean subscribed() {
        return subscription.isPresent() && !closed;
    }

    /** Answers one client message (JSON-RPC, single or batch) under this socket's lock. */
    synchronized void handle(String text, Host host) {
        if (!closed) {
            JsonRpc.handle(text, this, host).ifPresent(reply -> outbox.offer(reply.toString()));
        }
    }

    /**
     * {@code printer.objects.subscribe}: replaces the subscription (an empty one cancels it) and answers the current
     * values, which count as told.
     */
    synchronized JsonObject subscribe(ObjectQuery query, Machine machine) {
        Map<String, JsonObject> all = MoonrakerObjects.all(machine);
        JsonObject status = MoonrakerObjects.select(all, query);
        subscription = query.isEmpty() ? Optional.empty() : Optional.of(query);
        told = objects(status);
        klippyReady = Optional.of(machine.ready());
        return Json.createObjectBuilder()
                .add("eventtime", machine.eventtime())
                .add("status", status)
                .build();
    }

    /**
     * One look at the printer: {@code notify_klippy_shutdown} when Klippy stopped, {@code notify_klippy_disconnected} and
     * {@code notify_klippy_ready} when it came back (the subscription is gone then, as in Moonraker),
     * then {@code notify_status_update} with what changed in the subscribed objects. True when something was queued.
     */
    synchronized boolean tick(Map<String, JsonObject> all, double eventtime, boolean ready) {
        if (closed) {
            return false;
        }
        boolean queued = false;
        if (klippyReady.isPresent() && klippyReady.get() != ready) {
            if (ready) {
                // A restart: Klippy's connection went and came back. Real Moonraker then says so, forgets every
                // subscription (a client must subscribe again), and says ready once Klippy is.
                outbox.offer(notification("notify_klippy_disconnected", Optional.empty())
                        .toString());
                subscription = Optional.empty();
                told = Map.of();
            }
            queued = outbox.offer(
                    notification(ready ? "notify_klippy_ready" : "notify_klippy_shutdown", Optional.empty())
                            .toString());
        }
        klippyReady = Optional.of(ready);
        if (subscription.isEmpty()) {
            return queued;
        }
        JsonObject status = MoonrakerObjects.select(all, subscription.get());
        JsonObject delta = StatusDelta.changes(told, status);
        told = objects(status);
        if (delta.isEmpty()) {
            return queued;
        }
        return outbox.offer(notification(
                                "notify_status_update",
                                Optional.of(Json.createArrayBuilder()
                                        .add(delta)
                                        .add(eventtime)
                                        .build()))
                        .toString())
                || queued;
    }

    private static JsonObject notification(String method, Optional<JsonValue> params) {
        JsonObjectBuilder message =
                Json.createObjectBuilder().add("jsonrpc", "2.0").add("method", method);
        params.ifPresent(value -> message.add("params", value));
        return message.build();
    }

    private static Map<String, JsonObject> objects(JsonObject status) {
        Map<String, JsonObject> objects = new LinkedHashMap<>();
        status.forEach((name, value) -> objects.put(name, value.asJsonObject()));
        return objects;
    }
}
