package dev.printfarm.appconnection.sandbox.appapi;

/** Ends an App API call early with this answer. */
final class AppApiRefusal extends RuntimeException {

    private final transient AppApiAnswer answer;

    AppApiRefusal(AppApiAnswer answer) {
        super(answer.status() + " " + answer.body(), null, false, false);
        this.answer = answer;
    }

    AppApiAnswer answer() {
        return answer;
    }
}
