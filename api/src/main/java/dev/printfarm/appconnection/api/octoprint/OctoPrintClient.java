package dev.printfarm.appconnection.api.octoprint;

import dev.printfarm.appconnection.api.Axis;
import dev.printfarm.appconnection.api.ConnectionRoute;
import dev.printfarm.appconnection.api.OctoEverywherePlugin;
import dev.printfarm.appconnection.api.error.AppConnectionException;
import dev.printfarm.appconnection.api.error.CommandOutcomeUnknownException;
import dev.printfarm.appconnection.api.error.OctoEverywhereException;
import dev.printfarm.appconnection.api.error.PrinterResponseException;
import dev.printfarm.appconnection.api.error.PrinterUnreachableException;
import dev.printfarm.appconnection.api.error.TransferLimitException;
import dev.printfarm.appconnection.api.fleet.PrintJob;
import dev.printfarm.appconnection.api.stream.FileDownload;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Typed access to one printer's OctoPrint REST API through its App Connection, on the connection's current
 * {@link ConnectionRoute route}. Thread-safe.
 *
 * <p>Every method throws an {@link AppConnectionException} subtype when the call fails: an
 * {@link OctoEverywhereException} when OctoEverywhere answers a 6xx, a {@link PrinterResponseException}
 * when OctoPrint answers an error (e.g. 409 when the printer is not operational), a
 * {@link PrinterUnreachableException} when nothing answers. Reads are retried on transient unavailability.
 * Commands are never sent twice: they are retried only when the request provably never reached the
 * printer, and throw {@link CommandOutcomeUnknownException} when nobody can tell whether it did. Arguments
 * are checked before anything is sent ({@link IllegalArgumentException}).
 */
public interface OctoPrintClient {

    /** {@code GET /api/version}. */
    OctoPrintVersion version();

    /** {@code GET /api/server}. */
    OctoPrintServer server();

    /** A passive login ({@code POST /api/login}): the API key's user and a session for the push socket. */
    OctoPrintLogin passiveLogin();

    /** {@code GET /api/connection}: OctoPrint's connection to the printer's controller. */
    OctoPrintSerialConnection serialConnection();

    /** Connects OctoPrint to the printer. */
    void connectSerial(OctoPrintConnectRequest request);

    /** Disconnects OctoPrint from the printer. */
    void disconnectSerial();

    /** {@code GET /api/printer}. */
    OctoPrintPrinterState printer();

    /** {@code GET /api/printer} with parts left out or history included. */
    OctoPrintPrinterState printer(OctoPrintPrinterQuery query);

    /** Target temperatures (°C, 0–500) per tool, e.g. {@code {"tool0": 210}}. */
    void setToolTargets(Map<String, Double> targets);

    /** Temperature offsets (°C, −50…50) per tool. */
    void setToolOffsets(Map<String, Double> offsets);

    /** The bed's target temperature (°C, 0–500). */
    void setBedTarget(double target);

    /** The bed's temperature offset (°C, −50…50). */
    void setBedOffset(double offset);

    /** The chamber's target temperature (°C, 0–500). */
    void setChamberTarget(double target);

    /** The chamber's temperature offset (°C, −50…50). */
    void setChamberOffset(double offset);

    /** Moves the printhead. */
    void jog(OctoPrintJog jog);

    /** Homes the given axes (at least one). */
    void home(Set<Axis> axes);

    /** Sends G-code lines ({@code POST /api/printer/command}); each a single line, none blank. */
    void sendGcode(List<String> commands);

    /** {@code GET /api/job}. */
    PrintJob job();

    /** Starts printing the selected file ({@code POST /api/job}, command {@code start}); 409 when not possible. */
    void startPrint();

    /** Cancels the current print. */
    void cancelPrint();

    /** Restarts the paused print from the beginning. */
    void restartPrint();

    /** Pauses the current print (a no-op when already paused). */
    void pausePrint();

    /** Resumes a paused print (a no-op when not paused). */
    void resumePrint();

    /** Pauses a printing job or resumes a paused one. */
    void togglePausePrint();

    /** Every file in every location, folders with their children. */
    OctoPrintFiles files();

    /** The files in one location; folders' children only when {@code recursive}. */
    OctoPrintFiles files(OctoPrintStorage location, boolean recursive);

    /** One file or folder; empty when there is none at that path. */
    Optional<OctoPrintFile> file(OctoPrintStorage location, String path);

    /**
     * Uploads a file, streaming {@code content} (exactly {@code size} bytes) without holding it in memory or on
     * disk. When the account's upload limit is known and {@code size} is over it, throws
     * {@link TransferLimitException} before sending anything. Never retried once a byte was read from
     * {@code content}. The caller closes {@code content}.
     *
     * @param path the file's path in the location, folders separated by {@code /}, e.g. {@code parts/bracket.gcode}
     */
    OctoPrintUploadResult upload(
            OctoPrintStorage location, String path, InputStream content, long size, OctoPrintUploadOptions options);

    /**
     * Downloads a file as a stream; close it. When the printer announces a length over the account's download
     * limit, throws {@link TransferLimitException} before reading the body.
     */
    FileDownload download(OctoPrintStorage location, String path);

    /** Deletes a file or folder. */
    void deleteFile(OctoPrintStorage location, String path);

    /** Selects a stored file, and prints it when {@code print}. */
    void selectFile(OctoPrintStorage location, String path, boolean print);

    /** {@code GET /api/settings}, the part a farm uses. */
    OctoPrintSettings settings();

    /** {@code GET /api/printerprofiles}. */
    List<OctoPrintProfile> printerProfiles();

    /** {@code GET /api/system/commands}: core and custom commands. */
    List<OctoPrintSystemCommand> systemCommands();

    /** Runs a system command, e.g. one returned by {@link #systemCommands()}. */
    void runSystemCommand(OctoPrintSystemCommand command);

    /** {@code GET /api/plugin/octoeverywhere}; empty when the plugin is not installed. */
    Optional<OctoEverywherePlugin> octoEverywherePlugin();
}
