package dev.printfarm.appconnection.api;

/**
 * What OctoPrint does with an uploaded file: nothing more, select it, or select and print it.
 */
public record UploadOptions(boolean select, boolean print) {

    public UploadOptions {
        if (print && !select) {
            throw new IllegalArgumentException("printing an upload also selects it");
        }
    }

    public static UploadOptions storeOnly() {
        return new UploadOptions(false, false);
    }

    public static UploadOptions selectIt() {
        return new UploadOptions(true, false);
    }

    public static UploadOptions printIt() {
        return new UploadOptions(true, true);
    }
}
