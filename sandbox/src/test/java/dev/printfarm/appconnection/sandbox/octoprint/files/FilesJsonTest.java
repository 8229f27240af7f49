package dev.printfarm.appconnection.sandbox.octoprint.files;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.printfarm.appconnection.sandbox.printer.OctoPrintVersion;
import dev.printfarm.appconnection.sandbox.printer.StoredFile;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FilesJsonTest {

    private final StoredFile local = new StoredFile("local", "a.gcode", new byte[10], Instant.EPOCH);
    private final StoredFile onPrinter = new StoredFile("sdcard", "b.gcode", new byte[5], Instant.EPOCH);

    @Test
    void version1ListsFilesAsAnArrayWithNumericSpace() {
        JsonObject listing = FilesJson.listing(List.of(local), "http://h/lan/P", OctoPrintVersion.V1, true, 90, 100);

        assertEquals(JsonValue.ValueType.ARRAY, listing.get("files").getValueType());
        assertEquals("a.gcode", listing.getJsonArray("files").getJsonObject(0).getString("name"));
        assertEquals(90, listing.getJsonNumber("free").longValue());
        assertEquals(100, listing.getJsonNumber("total").longValue());
    }

    @Test
    void version2KeysFilesByNameWithSpaceAsStrings() {
        JsonObject listing = FilesJson.listing(List.of(local), "http://h/lan/P", OctoPrintVersion.V2, true, 90, 100);

        assertEquals(10, listing.getJsonObject("files").getJsonObject("a.gcode").getInt("size"));
        assertEquals("90", listing.getString("free"));
        assertEquals("100", listing.getString("total"));
    }

    @Test
    void entryCarriesDownloadRefAndOriginPerVersion() {
        JsonObject v1 = FilesJson.entry(onPrinter, "http://h/relay/C", OctoPrintVersion.V1);
        JsonObject v2 = FilesJson.entry(onPrinter, "http://h/relay/C", OctoPrintVersion.V2);

        assertEquals("sdcard", v1.getString("origin"));
        assertEquals("printer", v2.getString("origin"));
        assertEquals(
                "http://h/relay/C/downloads/files/sdcard/b.gcode",
                v1.getJsonObject("refs").getString("download"));
    }

    @Test
    void locationsDependOnTheVersion() {
        assertEquals(Optional.of("sdcard"), Locations.stored("sdcard", OctoPrintVersion.V1));
        assertEquals(Optional.empty(), Locations.stored("printer", OctoPrintVersion.V1));
        assertEquals(Optional.of("sdcard"), Locations.stored("printer", OctoPrintVersion.V2));
        assertEquals(Optional.empty(), Locations.stored("usb", OctoPrintVersion.V2));
    }
}
