package dev.printfarm.appconnection.api.moonraker;

import dev.printfarm.appconnection.api.Subscription;
import dev.printfarm.appconnection.api.error.AppConnectionException;
import dev.printfarm.appconnection.api.error.CommandOutcomeUnknownException;
import dev.printfarm.appconnection.api.error.OctoEverywhereException;
import dev.printfarm.appconnection.api.error.PrinterResponseException;
import dev.printfarm.appconnection.api.error.PrinterUnreachableException;
import dev.printfarm.appconnection.api.error.TransferLimitException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/**
 * Typed access to one Klipper printer's Moonraker API through its App Connection: the endpoints a farm needs, every
 * answer unwrapped from Moonraker's {@code {"result": …}} and parsed tolerantly (unknown fields ignored, every value
 * optional). Thread-safe.
 *
 * <p>Every method throws an {@link AppConnectionException} subtype when the call fails: an
 * {@link OctoEverywhereException} when OctoEverywhere answers a 6xx, a {@link PrinterResponseException} when Moonraker
 * answers an error (its message included, e.g. {@code Unable to open file}), a {@link PrinterUnreachableException}
 * when nothing answers. Reads are retried on transient unavailability; commands are never sent twice and throw
 * {@link CommandOutcomeUnknownException} when nobody can tell whether the printer acted. Arguments are checked before
 * anything is sent ({@link IllegalArgumentException}).
 */
public interface MoonrakerClient {

    /** {@code GET /server/info}: Moonraker itself and whether Klippy is connected. */
    MoonrakerServerInfo serverInfo();

    /** {@code GET /printer/info}: Klippy's state and host. */
    MoonrakerPrinterInfo printerInfo();

    /**
     * The farm's printer objects now ({@code POST /printer/objects/query} for {@code print_stats},
     * {@code virtual_sdcard}, {@code extruder}, {@code heater_bed}, {@code display_status} and {@code webhooks}).
     */
    MoonrakerStatus status();

    /**
     * Starts printing a file of the {@code gcodes} root ({@code POST /printer/print/start}); Moonraker answers 400
     * when the file does not exist or a print runs.
     *
     * @param filename relative to the {@code gcodes} root, e.g. {@code parts/bracket.gcode}
     * @throws IllegalArgumentException for a blank or absolute path, an empty, {@code .} or {@code ..} segment, a
     *                                  backslash, a double quote or a control character (Klipper receives the name
     *                                  inside a G-code command), before anything is sent
     */
    void startPrint(String filename);

    /** {@code POST /printer/print/pause}; Klipper answers {@code ok} also when nothing prints. */
    void pausePrint();

    /** {@code POST /printer/print/resume}. */
    void resumePrint();

    /** {@code POST /printer/print/cancel}. */
    void cancelPrint();

    /**
     * {@code POST /printer/emergency_stop}: Klipper shuts down at once (heaters off, the print ends); it refuses
     * prints until {@link #firmwareRestart()}.
     */
    void emergencyStop();

    /** {@code POST /printer/firmware_restart}: brings Klipper back after an emergency stop. */
    void firmwareRestart();

    /** {@code GET /server/files/list}: every file of the {@code gcodes} root, paths relative to it. */
    List<MoonrakerFile> files();

    /**
     * {@code GET /server/files/metadata}: what the slicer wrote into a file; empty when Moonraker has none for it
     * (404: no such file, or not analysed).
     *
     * @throws IllegalArgumentException for a path {@link #startPrint(String)} would refuse
     */
    Optional<MoonrakerFileMetadata> metadata(String filename);

    /**
     * Uploads a file to the {@code gcodes} root ({@code POST /server/files/upload}, multipart), streamed: the
     * content is read once, exactly {@code size} bytes. Refused without traffic when over the account's upload limit
     * ({@link TransferLimitException}).
     *
     * @param path  relative to the {@code gcodes} root; missing folders are created
     * @param print whether Moonraker starts printing it once stored
     * @throws IllegalArgumentException for a bad path (as {@link #startPrint(String)}), a negative size, or a stream
     *                                  shorter or longer than {@code size}
     */
    MoonrakerUploadResult upload(String path, InputStream content, long size, boolean print);

    /**
     * {@code GET /server/history/list}: past and current print jobs, newest first.
     *
     * @param start how many of the newest jobs to skip (0 or more)
     * @param limit at most this many jobs (1–1000)
     */
    List<MoonrakerJob> history(int start, int limit);

    /** {@code GET /server/webcams/list}: the cameras configured in Moonraker. */
    List<MoonrakerWebcam> webcams();

    /**
     * The OctoEverywhere printer id, from Moonraker's database (namespace {@code octoeverywhere}, key
     * {@code public.printerId}, where the OctoEverywhere plugin keeps it); empty when the plugin stored none (404).
     */
    Optional<String> printerId();

    /**
     * Subscribes to the farm's printer objects over Moonraker's JSON-RPC websocket ({@code /websocket},
     * {@code printer.objects.subscribe}). The listener gets the full status from the subscription's answer, then,
     * for every {@code notify_status_update}, the status with that update's changed attributes merged in: every
     * status it gets is complete. All subscriptions of a connection share one socket, opened with the first and
     * closed with the last; a new subscriber gets the current status first. After a drop the module reconnects with
     * jittered, growing delays, subscribes again and starts over from the fresh full answer; it gives up (and tells
     * {@link MoonrakerListener#onEnd}) only when the connection is revoked, its credentials are rejected or the
     * printer does not speak Moonraker.
     */
    Subscription subscribe(MoonrakerListener listener);
}
