package dev.printfarm.appconnection.api.command;

import dev.printfarm.appconnection.api.AppConnectionService;
import dev.printfarm.appconnection.api.Axis;
import dev.printfarm.appconnection.api.error.CommandRefusedException;
import dev.printfarm.appconnection.api.error.FeatureUnsupportedException;
import dev.printfarm.appconnection.api.stream.FileDownload;
import dev.printfarm.appconnection.api.stream.WebcamImage;
import java.io.InputStream;
import java.util.List;

/**
 * One connection's printer through OctoEverywhere's printer-agnostic command API ({@code /octoeverywhere-command-api/…}
 * on the relay): the same status, controls, webcams and files whatever the printer runs (OctoPrint, Klipper/Moonraker,
 * Bambu Lab, Prusa, Elegoo, …). Always through the relay: the LAN faces do not carry it.
 *
 * <p>A refusal by the printer's command API is a {@link CommandRefusedException} (its envelope status, e.g. 786 wrong
 * state, 752 refused by the printer), or a {@link FeatureUnsupportedException} (788) when the printer lacks the
 * feature — {@link CommandStatus#features()} tells beforehand. OctoEverywhere's own 6xx failures come as for every
 * relayed call. Obtain one from {@link AppConnectionService#commands(String)}; it is cheap and may be kept.
 */
public interface PrinterCommands {

    /** The printer's status, without the material system. */
    CommandStatus status();

    /** The printer's status, with the material system when {@code includeMaterialSystem} and the printer reports one. */
    CommandStatus status(boolean includeMaterialSystem);

    /** Pauses the print (786 when nothing prints). */
    void pausePrint(SmartPause how);

    void resumePrint();

    void cancelPrint();

    /** Starts printing a file by its virtual path (e.g. {@code gcode/benchy.gcode}); needs {@link CommandFeature#PRINT_START}. */
    void startPrint(String virtualPath);

    /** Turns a light on or off; needs {@link CommandFeature#LIGHT}. */
    void setLight(String name, boolean on);

    /** Moves one axis by a distance in mm (relative); needs {@link CommandFeature#AXIS_MOVEMENT}. */
    void moveAxis(Axis axis, double distanceMm);

    /** Homes the printer; needs {@link CommandFeature#HOMING}. */
    void home();

    /** Extrudes (or, negative, retracts) filament on one extruder; needs {@link CommandFeature#EXTRUSION}. */
    void extrude(int extruder, double distanceMm);

    /** Sets heater targets; needs {@link CommandFeature#TEMPERATURE}. */
    void setTemperatures(TemperatureTargets targets);

    /** The printer's cameras. */
    List<CommandWebcam> webcams();

    /** A picture from one camera (an index no camera has falls back to the default one, as the plugin does). */
    WebcamImage snapshot(int index);

    /**
     * Opens one camera's live stream ({@code webcam/stream}): the MJPEG body as the printer sends it
     * ({@code multipart/x-mixed-replace}, see {@link FileDownload#contentType()}), until the caller closes it or the
     * account's webcam limit ends it. Close it as soon as nobody watches: OctoEverywhere counts streaming time.
     */
    FileDownload webcamStream(int index);

    /** The printable files (the {@code gcode} root), folders flattened. */
    List<CommandFile> files();

    CommandFileDetails file(String virtualPath);

    /** Uploads a file of {@code size} bytes to {@code virtualPath} (under {@code gcode/}); the stream is read once, not closed. */
    CommandFile upload(String virtualPath, InputStream content, long size);

    /** Downloads a file; close the download. */
    FileDownload download(String virtualPath);

    void delete(String virtualPath);
}
