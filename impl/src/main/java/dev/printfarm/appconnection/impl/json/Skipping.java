package dev.printfarm.appconnection.impl.json;

import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;

/** Passes over a value without reading it, without recursion (a hostile nesting must not overflow the stack). */
final class Skipping {

    private Skipping() {}

    /** Passes over the rest of the structure the parser is inside, up to its end. */
    static void skipRest(JsonParser parser) {
        int depth = 1;
        while (depth > 0 && parser.hasNext()) {
            Event next = parser.next();
            if (next == Event.START_OBJECT || next == Event.START_ARRAY) {
                depth++;
            } else if (next == Event.END_OBJECT || next == Event.END_ARRAY) {
                depth--;
            }
        }
    }

    /** Leaves the parser on the last event of the value that starts with {@code event}. */
    static void skip(JsonParser parser, Event event) {
        if (event == Event.START_OBJECT || event == Event.START_ARRAY) {
            skipRest(parser);
        }
    }
}
