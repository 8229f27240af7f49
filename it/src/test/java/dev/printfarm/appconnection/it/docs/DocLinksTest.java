package dev.printfarm.appconnection.it.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README and {@code docs/} link only to files and headings that exist. A plain unit test (Surefire, {@code test}
 * phase of this module): it needs no server and runs in well under a second.
 */
class DocLinksTest {

    /** The repository: this module's parent ({@code basedir} is set by Surefire; a run from the IDE starts in it/). */
    private static Path repository() {
        Path module = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
        Path root = module.getParent();
        assertTrue(Files.isRegularFile(root.resolve("README.md")), "no README.md in " + root);
        return root;
    }

    @Test
    void everyRelativeLinkOfTheReadmeAndTheDocsPointsAtAFileAndHeadingThatExist() {
        DocLinks links = new DocLinks(repository());
        List<Path> documents = links.documents();
        List<DocLinks.Broken> broken = links.check(documents);
        assertTrue(
                broken.isEmpty(),
                broken.size() + " broken link(s) in " + documents.size() + " Markdown files:\n"
                        + broken.stream().map(Object::toString).collect(Collectors.joining("\n")));
    }

    @Test
    void slugsAreTheOnesGitHubGivesHeadings() {
        assertEquals("quick-start", DocLinks.slug("Quick start"));
        assertEquals("use-it-in-your-application", DocLinks.slug("Use it in your application"));
        assertEquals("lan-or-relay", DocLinks.slug("LAN or relay"));
        assertEquals(
                "background-work-info-refresh-gadget-webhooks",
                DocLinks.slug("Background work: Info refresh, Gadget, webhooks"));
        assertEquals("the-appconnectionxml-fragment", DocLinks.slug("The `appconnection.xml` fragment"));
        assertEquals("connect--call--read", DocLinks.slug("Connect & call / read"));
        assertEquals("see-the-guide", DocLinks.slug("See [the guide](guide.md)"));
        assertEquals("snake_case-stays", DocLinks.slug("snake_case stays"));
    }

    @Test
    void repeatedHeadingsAreNumberedAndCodeBlocksHoldNoHeadings() {
        var anchors = DocLinks.anchorsOf(
                List.of("# Title", "## Setup", "```", "# not a heading", "```", "## Setup", "<a id=\"custom\"></a>"));
        assertEquals(List.of("title", "setup", "setup-1", "custom"), List.copyOf(anchors));
    }

    @Test
    void linksInCodeAreNotLinksAndAbsoluteUrlsAreNotChecked() {
        assertEquals(
                List.of("a.md#x", "img/p.png", "b.md"),
                DocLinks.targets("See [a](a.md#x), ![p](img/p.png \"title\"), `[c](c.md)` and <a href=\"b.md\">b</a>"));
    }

    @Test
    void aMissingFileAWrongAnchorAndAWayOutOfTheRepositoryAreEachReported(@TempDir Path root) throws IOException {
        Files.createDirectories(root.resolve("docs"));
        Files.writeString(
                root.resolve("README.md"),
                String.join(
                        "\n",
                        "# Project",
                        "[fine](docs/guide.md#connect-a-printer) [fine too](#project) [web](https://example.com/x.md)",
                        "[gone](docs/missing.md)",
                        "[wrong anchor](docs/guide.md#connect)",
                        "```",
                        "[in code](docs/nowhere.md)",
                        "```",
                        "[outside](../elsewhere.md)"));
        Files.writeString(
                root.resolve("docs/guide.md"), "# Guide\n\n## Connect a printer\n\n[back](../README.md#project)\n");

        DocLinks links = new DocLinks(root);
        List<String> broken =
                links.check(links.documents()).stream().map(Object::toString).toList();

        assertEquals(
                List.of(
                        "README.md:3: (docs/missing.md) no such file: docs/missing.md",
                        "README.md:4: (docs/guide.md#connect) no heading with the anchor #connect in docs/guide.md",
                        "README.md:8: (../elsewhere.md) leaves the repository"),
                broken);
    }
}
