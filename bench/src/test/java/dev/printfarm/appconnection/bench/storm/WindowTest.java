package dev.printfarm.appconnection.bench.storm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class WindowTest {

    @Test
    void aWindowHoldsItsStartButNotItsEnd() {
        Window w = new Window(10, 20);
        assertTrue(w.contains(10));
        assertFalse(w.contains(20));
        assertTrue(w.overlaps(0, 10));
        assertFalse(w.overlaps(0, 9));
        assertTrue(w.overlaps(19, 30));
        assertFalse(w.overlaps(20, 30));
        assertTrue(w.extendedBy(5).contains(24));
        assertTrue(Window.anyOverlaps(List.of(new Window(0, 1), w), 15, 16));
        assertThrows(IllegalArgumentException.class, () -> new Window(5, 4));
    }

    @Test
    void overlapIsTheSharedSpan() {
        Window w = new Window(10, 20);
        assertEquals(5, w.overlapMillis(new Window(15, 30)));
        assertEquals(10, w.overlapMillis(new Window(0, 100)));
        assertEquals(0, w.overlapMillis(new Window(20, 30)));
    }
}
