package dev.printfarm.appconnection.sandbox.web;

/**
 * A servlet path info split after its first segment, as the relay and the LAN face address things:
 * {@code /abc/api/job} is {@code abc} and {@code /api/job}.
 *
 * @param first the first segment as given, empty when there is none
 * @param rest  everything after it, always starting with {@code /}
 */
public record SplitPath(String first, String rest) {

    public static SplitPath of(String pathInfo) {
        String path = pathInfo == null ? "" : pathInfo.replaceFirst("^/", "");
        int slash = path.indexOf('/');
        return slash < 0 ? new SplitPath(path, "/") : new SplitPath(path.substring(0, slash), path.substring(slash));
    }
}
