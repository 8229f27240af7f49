/**
 * The module's one way of reading JSON from printers (OctoPrint, Moonraker, the command API), from OctoEverywhere and
 * from its own shared store: {@link dev.printfarm.appconnection.impl.json.WireJson} builds the one JSON-B with the
 * tolerant (de)serializers, and the JAX-RS providers hand it to every Rest Client the module builds. Depends on
 * nothing else in the module but the api's exceptions and the one error mapper.
 *
 * <p>May use: {@code error}.
 */
package dev.printfarm.appconnection.impl.json;
