package dev.printfarm.appconnection.impl.json;

/** A text that is not JSON, or JSON of another shape than the record asked for; says which, and how it begins. */
public final class UnreadableJsonException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    /** The problem of a text that is not JSON at all. */
    public static final String NOT_JSON = "is not JSON";

    private final String problem;
    private final String excerpt;

    UnreadableJsonException(String problem, String excerpt) {
        super(problem + (excerpt.isEmpty() ? "" : ": " + excerpt), null, false, false);
        this.problem = problem;
        this.excerpt = excerpt;
    }

    /** What is wrong, e.g. "is not JSON". */
    public String problem() {
        return problem;
    }

    /** The start of the text, secrets masked ({@link Excerpt}). */
    public String excerpt() {
        return excerpt;
    }
}
