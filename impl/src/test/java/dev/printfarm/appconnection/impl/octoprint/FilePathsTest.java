package dev.printfarm.appconnection.impl.octoprint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class FilePathsTest {

    @Test
    void segmentsAreEncodedAndSlashesKept() {
        assertEquals("parts/bracket%20v2%2B.gcode", FilePaths.encode("parts/bracket v2+.gcode"));
        assertEquals("%C3%BCber/a%3Fb%23c.gcode", FilePaths.encode("über/a?b#c.gcode"));
    }

    @Test
    void folderAndNameAreSplit() {
        assertEquals("a/b", FilePaths.folder("a/b/c.gcode"));
        assertEquals("c.gcode", FilePaths.fileName("a/b/c.gcode"));
        assertEquals("", FilePaths.folder("c.gcode"));
    }

    @Test
    void pathsThatEscapeOrBreakHeadersAreRefused() {
        for (String bad :
                new String[] {"", " ", "/abs.gcode", "a//b", "a/../b", "./a", "a/", "x\"y", "a\\b", "a\nb", "a\rb"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FilePaths.encode(bad), bad);
            assertEquals(true, e.getMessage().contains("path"), e.getMessage());
        }
    }
}
