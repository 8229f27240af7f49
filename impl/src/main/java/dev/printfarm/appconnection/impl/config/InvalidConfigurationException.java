package dev.printfarm.appconnection.impl.config;

import java.util.List;

/**
 * The module's configuration holds values it cannot start with. The message lists every problem, one per line, each
 * naming the key, its value (never a secret's) and what is allowed; thrown at start, it fails the deployment.
 */
public class InvalidConfigurationException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public InvalidConfigurationException(List<String> problems) {
        super(message(problems));
        this.problems = List.copyOf(problems);
    }

    /** Each problem, a sentence naming the key concerned. */
    public List<String> problems() {
        return problems;
    }

    private static String message(List<String> problems) {
        return problems.size() == 1
                ? "The App Connections module will not start: " + problems.get(0)
                : "The App Connections module will not start:\n - " + String.join("\n - ", problems);
    }
}
