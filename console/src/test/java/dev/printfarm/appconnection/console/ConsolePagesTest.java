package dev.printfarm.appconnection.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The console's pages work under its Content-Security-Policy (no inline script, style or handler) and advertise no
 * password; web.xml lets the login page's files through and puts the security headers on every dispatch.
 */
class ConsolePagesTest {

    private static final Path WEBAPP = Path.of("src/main/webapp");

    private static String read(String name) throws IOException {
        return Files.readString(WEBAPP.resolve(name));
    }

    private static List<String> files(String suffix) throws IOException {
        try (Stream<Path> files = Files.list(WEBAPP)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(suffix))
                    .sorted()
                    .toList();
        }
    }

    @Test
    void pagesHaveNoInlineScriptStyleOrHandler() throws IOException {
        assertEquals(List.of("index.html", "login.html"), files(".html"));
        Pattern inline = Pattern.compile(
                "<script(?![^>]*\\ssrc=)[^>]*>|<style|\\sstyle\\s*=|\\son[a-z]+\\s*=|javascript:",
                Pattern.CASE_INSENSITIVE);
        for (String page : files(".html")) {
            Matcher found = inline.matcher(read(page));
            assertFalse(found.find(), () -> page + ": " + found.group());
        }
    }

    @Test
    void scriptsWriteNoMarkupOrInlineStyle() throws IOException {
        assertEquals(List.of("console.js", "login.js"), files(".js"));
        Pattern markup = Pattern.compile("innerHTML|outerHTML|insertAdjacentHTML|document\\.write|javascript:"
                + "|setAttribute\\(\\s*['\"](style|on[a-z]+)['\"]|cssText|\\beval\\(|new Function\\(");
        for (String script : files(".js")) {
            List<String> hits = new ArrayList<>();
            markup.matcher(read(script)).results().forEach(r -> hits.add(r.group()));
            assertEquals(List.of(), hits, script);
        }
    }

    @Test
    void theLoginPageAdvertisesNoPassword() throws IOException {
        String login = read("login.html").toLowerCase();
        assertFalse(login.contains("<code>operator</code>"), "the demo operator's password");
        assertTrue(login.contains("<script src=\"login.js\"></script>"));
    }

    @Test
    void webXmlOpensTheLoginFilesAndHeadersEveryDispatch() throws Exception {
        Document xml = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(WEBAPP.resolve("WEB-INF/web.xml").toFile());
        List<String> open = new ArrayList<>();
        NodeList collections = xml.getElementsByTagName("web-resource-collection");
        for (int i = 0; i < collections.getLength(); i++) {
            Element collection = (Element) collections.item(i);
            if (collection
                    .getElementsByTagName("web-resource-name")
                    .item(0)
                    .getTextContent()
                    .equals("open")) {
                NodeList patterns = collection.getElementsByTagName("url-pattern");
                for (int j = 0; j < patterns.getLength(); j++) {
                    open.add(patterns.item(j).getTextContent());
                }
            }
        }
        assertTrue(open.containsAll(List.of("/login.html", "/login.js", "/console.css")), open.toString());

        Element filter = (Element) xml.getElementsByTagName("filter").item(0);
        assertEquals(
                "dev.printfarm.appconnection.console.security.SecurityHeadersFilter",
                filter.getElementsByTagName("filter-class").item(0).getTextContent());
        assertEquals(
                "true",
                filter.getElementsByTagName("async-supported").item(0).getTextContent(),
                "the API's server-sent events are asynchronous");
        Element mapping = (Element) xml.getElementsByTagName("filter-mapping").item(0);
        assertEquals("/*", mapping.getElementsByTagName("url-pattern").item(0).getTextContent());
        List<String> dispatchers = new ArrayList<>();
        NodeList list = mapping.getElementsByTagName("dispatcher");
        for (int i = 0; i < list.getLength(); i++) {
            dispatchers.add(list.item(i).getTextContent());
        }
        assertTrue(dispatchers.containsAll(List.of("REQUEST", "ERROR", "ASYNC")), dispatchers.toString());
    }
}
