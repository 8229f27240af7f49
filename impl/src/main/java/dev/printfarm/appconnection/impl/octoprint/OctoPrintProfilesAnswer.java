package dev.printfarm.appconnection.impl.octoprint;

import jakarta.json.bind.annotation.JsonbProperty;
import java.util.List;

/** {@code GET /api/printerprofiles}: {@code profiles} is a map by id. */
public record OctoPrintProfilesAnswer(List<Profile> profiles) {

    /** One profile. */
    public record Profile(
            String id,
            String name,
            String model,
            Boolean current,
            @JsonbProperty("default") Boolean isDefault,
            Boolean heatedBed,
            Boolean heatedChamber,
            Extruder extruder,
            Volume volume) {}

    /** How many extruders. */
    public record Extruder(Integer count) {}

    /** The build volume in mm. */
    public record Volume(Double width, Double depth, Double height) {}
}
