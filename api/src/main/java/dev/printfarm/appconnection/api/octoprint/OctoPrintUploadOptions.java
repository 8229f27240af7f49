package dev.printfarm.appconnection.api.octoprint;

/**
 * What OctoPrint does with an uploaded file: nothing more, select it, or select and print it.
 */
public record OctoPrintUploadOptions(boolean select, boolean print) {

    public OctoPrintUploadOptions {
        if (print && !select) {
            throw new IllegalArgumentException("printing an upload also selects it");
        }
    }

    public static OctoPrintUploadOptions storeOnly() {
        return new OctoPrintUploadOptions(false, false);
    }

    public static OctoPrintUploadOptions selectIt() {
        return new OctoPrintUploadOptions(true, false);
    }

    public static OctoPrintUploadOptions printIt() {
        return new OctoPrintUploadOptions(true, true);
    }
}
