package dev.printfarm.appconnection.api.command;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Where a printer's filament comes from (sources: spools, slots of a unit such as an AMS) and what extrudes it
 * (tools), and which source feeds which tool (routes). Parts refer to each other by id only; the lookups below do the
 * joining.
 */
public record MaterialSystem(
        Capabilities capabilities, List<Source> sources, List<Tool> tools, List<Unit> units, List<Route> routes) {

    public record Capabilities(boolean multiMaterial, boolean multiTool, boolean sourceRouting, boolean drying) {}

    /** A spool holder or a unit's slot; {@code material} is empty for an empty slot or an unknown spool. */
    public record Source(
            String id, int index, String name, Optional<String> unitId, boolean empty, Optional<Material> material) {
        public Source {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(unitId, "unitId");
            Objects.requireNonNull(material, "material");
        }
    }

    public record Material(
            Optional<String> type,
            Optional<String> name,
            Optional<String> colorHex,
            OptionalDouble remainingPercent,
            Optional<String> manufacturer) {}

    public record Tool(
            String id,
            int index,
            String name,
            boolean active,
            OptionalDouble actualCelsius,
            OptionalDouble targetCelsius) {
        public Tool {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(name, "name");
        }
    }

    /** A box holding several sources, e.g. an AMS. */
    public record Unit(
            String id,
            int index,
            String name,
            OptionalDouble humidityPercent,
            OptionalDouble temperatureCelsius,
            boolean drying) {
        public Unit {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(name, "name");
        }
    }

    /** Source {@code sourceId} can feed tool {@code toolId}; {@code state} e.g. "loaded" for the one feeding now. */
    public record Route(String sourceId, String toolId, Optional<String> state) {
        public Route {
            Objects.requireNonNull(sourceId, "sourceId");
            Objects.requireNonNull(toolId, "toolId");
            Objects.requireNonNull(state, "state");
        }
    }

    public MaterialSystem {
        Objects.requireNonNull(capabilities, "capabilities");
        sources = List.copyOf(sources);
        tools = List.copyOf(tools);
        units = List.copyOf(units);
        routes = List.copyOf(routes);
    }

    public Optional<Source> source(String id) {
        return sources.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    public Optional<Tool> tool(String id) {
        return tools.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    public Optional<Unit> unit(String id) {
        return units.stream().filter(u -> u.id().equals(id)).findFirst();
    }

    /** The unit a source sits in, if any. */
    public Optional<Unit> unitOf(Source source) {
        return source.unitId().flatMap(this::unit);
    }

    /** The sources that can feed a tool, in the printer's order. */
    public List<Source> sourcesFor(String toolId) {
        return routes.stream()
                .filter(r -> r.toolId().equals(toolId))
                .map(r -> source(r.sourceId()))
                .flatMap(Optional::stream)
                .toList();
    }

    /** The source a route marks as loaded into the tool (route state {@code loaded}), if any. */
    public Optional<Source> loadedInto(String toolId) {
        return routes.stream()
                .filter(r -> r.toolId().equals(toolId)
                        && r.state().filter("loaded"::equalsIgnoreCase).isPresent())
                .map(r -> source(r.sourceId()))
                .flatMap(Optional::stream)
                .findFirst();
    }

    /** The sources of a unit, by their index. */
    public List<Source> sourcesIn(String unitId) {
        return sources.stream()
                .filter(s -> s.unitId().filter(unitId::equals).isPresent())
                .sorted(java.util.Comparator.comparingInt(Source::index))
                .toList();
    }
}
