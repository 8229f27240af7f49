package dev.printfarm.appconnection.impl.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.printfarm.appconnection.api.ConnectionState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StateChangeLogTest {

    private final Logger logger = Logger.getLogger(StateChangeLogTest.class.getName() + ".changes");
    private final List<LogRecord> records = new ArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };
    private final MutableClock clock = new MutableClock();
    private final StateChangeLog changes = new StateChangeLog(logger, clock);

    @BeforeEach
    void capture() {
        logger.setUseParentHandlers(false);
        logger.setLevel(Level.FINE);
        logger.addHandler(handler);
    }

    @AfterEach
    void release() {
        logger.removeHandler(handler);
    }

    private List<String> at(Level level) {
        return records.stream()
                .filter(r -> r.getLevel() == level)
                .map(LogRecord::getMessage)
                .toList();
    }

    @Test
    void aFleetGoingOfflineTogetherWritesOneInfoLineAndCountsTheRestOnTheNext() {
        for (int i = 0; i < 500; i++) {
            changes.changed("c" + i, ConnectionState.PRINTER_OFFLINE);
        }
        assertEquals(List.of("App Connection c0 is now PRINTER_OFFLINE"), at(Level.INFO));
        assertEquals(499, at(Level.FINE).size(), "every other change at FINE");
        assertEquals(
                "App Connection c499 is now PRINTER_OFFLINE", at(Level.FINE).get(498));

        clock.advance(StateChangeLog.INTERVAL.minus(Duration.ofSeconds(1)));
        changes.changed("c500", ConnectionState.PRINTER_OFFLINE);
        assertEquals(1, at(Level.INFO).size(), "still inside the interval");

        clock.advance(Duration.ofSeconds(1));
        changes.changed("c501", ConnectionState.PRINTER_OFFLINE);
        assertEquals(
                "App Connection c501 is now PRINTER_OFFLINE (500 more became PRINTER_OFFLINE since the previous such"
                        + " line, each logged at FINE)",
                at(Level.INFO).get(1));
    }

    @Test
    void eachStateHasItsOwnAllowance() {
        changes.changed("c1", ConnectionState.PRINTER_OFFLINE);
        changes.changed("c1", ConnectionState.ONLINE);
        changes.changed("c2", ConnectionState.PRINTER_OFFLINE);
        changes.changed("c2", ConnectionState.ONLINE);
        assertEquals(
                List.of("App Connection c1 is now PRINTER_OFFLINE", "App Connection c1 is now ONLINE"), at(Level.INFO));
    }

    @Test
    void everyChangeThatNeedsSomeoneToActGetsItsOwnInfoLine() {
        for (int i = 0; i < 3; i++) {
            changes.changed("r" + i, ConnectionState.REVOKED);
            changes.changed("s" + i, ConnectionState.SUSPENDED);
            changes.changed("k" + i, ConnectionState.INVALID_CREDENTIALS);
        }
        assertEquals(9, at(Level.INFO).size());
        assertEquals(List.of(), at(Level.FINE));
        assertEquals(
                "App Connection k2 is now INVALID_CREDENTIALS", at(Level.INFO).get(8));
    }
}
