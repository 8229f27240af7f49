package dev.printfarm.appconnection.impl.moonraker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MoonrakerPathsTest {

    @ParameterizedTest
    @ValueSource(strings = {"cube.gcode", "jigs/clamp v2.gcode", "über/teil.gcode", "a/b/c/d.gco", ".hidden.gcode"})
    void aRelativePathInTheGcodesRootPasses(String path) {
        assertEquals(path, MoonrakerPaths.check(path));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "  ",
                "/etc/passwd",
                "../printer.cfg",
                "jigs/../../x.gcode",
                "jigs//x.gcode",
                "jigs/",
                "./x.gcode",
                "x\".gcode",
                "x\\y.gcode",
                "x.gcode\nM112",
                "tab\there.gcode"
            })
    void anythingElseIsRefusedBeforeAnyTraffic(String path) {
        assertThrows(IllegalArgumentException.class, () -> MoonrakerPaths.check(path));
    }

    @Test
    void theRefusalSaysWhy() {
        IllegalArgumentException injected =
                assertThrows(IllegalArgumentException.class, () -> MoonrakerPaths.check("cube.gcode\"\nM112"));
        assertTrue(injected.getMessage().contains("G-code command"), injected.getMessage());
        IllegalArgumentException escaping =
                assertThrows(IllegalArgumentException.class, () -> MoonrakerPaths.check("../printer.cfg"));
        assertTrue(escaping.getMessage().contains("relative to the gcodes root"), escaping.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MoonrakerPaths.check(null));
        assertThrows(IllegalArgumentException.class, () -> MoonrakerPaths.check("x".repeat(1025)));
    }

    @Test
    void anUploadPathSplitsIntoFolderAndFileName() {
        assertEquals("jigs/v2", MoonrakerPaths.folder("jigs/v2/clamp.gcode"));
        assertEquals("clamp.gcode", MoonrakerPaths.fileName("jigs/v2/clamp.gcode"));
        assertEquals("", MoonrakerPaths.folder("cube.gcode"));
        assertEquals("cube.gcode", MoonrakerPaths.fileName("cube.gcode"));
    }
}
