package dev.printfarm.appconnection.impl.octoprint;

import java.util.List;

/** {@code POST /api/login} (passive): the user and the session key for the push socket. */
public record OctoPrintLoginAnswer(String name, String session, Boolean active, Boolean admin, List<String> groups) {

    @Override
    public String toString() {
        return "OctoPrintLoginAnswer[name=" + name + ", session=***, active=" + active + ", admin=" + admin
                + ", groups=" + groups + "]";
    }
}
