package dev.printfarm.appconnection.impl.moonraker;

import jakarta.json.bind.annotation.JsonbProperty;
import java.time.Instant;

/** {@code GET /server/files/metadata}: what the slicer wrote into a file. */
public record MoonrakerMetadataAnswer(
        String filename,
        Long size,
        Instant modified,
        String slicer,
        @JsonbProperty("slicer_version") String slicerVersion,
        @JsonbProperty("estimated_time") Double estimatedTime,
        @JsonbProperty("object_height") Double objectHeight,
        @JsonbProperty("layer_height") Double layerHeight,
        @JsonbProperty("first_layer_height") Double firstLayerHeight,
        @JsonbProperty("layer_count") Integer layerCount,
        @JsonbProperty("nozzle_diameter") Double nozzleDiameter,
        @JsonbProperty("filament_name") String filamentName,
        @JsonbProperty("filament_type") String filamentType,
        @JsonbProperty("filament_total") Double filamentTotal,
        @JsonbProperty("filament_weight_total") Double filamentWeightTotal,
        @JsonbProperty("first_layer_extr_temp") Double firstLayerExtruderTemp,
        @JsonbProperty("first_layer_bed_temp") Double firstLayerBedTemp,
        @JsonbProperty("job_id") String jobId,
        @JsonbProperty("print_start_time") Instant printStartTime) {}
