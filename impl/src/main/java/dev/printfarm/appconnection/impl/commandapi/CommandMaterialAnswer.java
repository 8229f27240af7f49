package dev.printfarm.appconnection.impl.commandapi;

import java.util.List;

/** {@code JobStatus.MaterialSystem} (asked with {@code IncludeMaterialSystem=true}): an AMS and the like. */
public record CommandMaterialAnswer(
        Capabilities capabilities, List<Source> sources, List<Tool> tools, List<Unit> units, List<Route> routes) {

    /** What the system can do. */
    public record Capabilities(
            Boolean supportsMultiMaterial,
            Boolean supportsMultiTool,
            Boolean supportsSourceRouting,
            Boolean supportsDrying) {}

    /** A slot holding material. */
    public record Source(String id, Integer index, String name, String unitId, Boolean isEmpty, Material material) {}

    /** The material in a slot. */
    public record Material(String type, String name, String colorHex, Double remainingPercent, String manufacturer) {}

    /** A tool (hotend). */
    public record Tool(
            String id, Integer index, String name, Boolean isActive, Double actualCelsius, Double targetCelsius) {}

    /** A unit of slots (one AMS). */
    public record Unit(
            String id,
            Integer index,
            String name,
            Double humidityPercent,
            Double temperatureCelsius,
            Boolean isDrying) {}

    /** Which source feeds which tool. */
    public record Route(String sourceId, String toolId, String state) {}
}
