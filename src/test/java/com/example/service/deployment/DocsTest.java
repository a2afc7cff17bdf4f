package com.example.service.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The README is a front page with the documents behind it, and neither lies: it stays small, every
 * link leads to a file (and heading) of this repository, and every {@code db} command and
 * repository path the pages show exists.
 */
class DocsTest {

    static final Path README = DeploymentFiles.ROOT.resolve("README.md");
    static final long README_MAX_BYTES = 20 * 1024;

    /** A URI scheme ({@code https:}, {@code mailto:}) or a network path: a link out of the repository. */
    private static final Pattern EXTERNAL = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*:|//)");
    /** {@code db <command>} where the word db stands alone, not in {@code example_db} or {@code db/migration}. */
    private static final Pattern DB_COMMAND = Pattern.compile("(?<![\\w./-])db[ \\t]+([a-z][a-z-]*)(.*)");
    /** What ends a command on a shell line: a pipe, a list operator, a redirection, a comment. */
    private static final Pattern COMMAND_END = Pattern.compile("^(\\|+|&&|;|>.*|\\d>.*|#.*)$");
    /** A path in code whose first segment is a directory of the repository, without placeholders or globs. */
    private static final Pattern REPOSITORY_PATH = Pattern.compile("^([A-Za-z0-9._-]+)/[A-Za-z0-9._/-]*$");
    /** First segments that are no source directory of the repository. */
    private static final Set<String> NOT_SOURCE = Set.of("target", ".git", ".", "..");
    /** A row of the README's command table: {@code | `db upgrade [--target V]` | …}. */
    private static final Pattern COMMAND_ROW = Pattern.compile("(?m)^\\| `db ([a-z][a-z-]*)");
    /** A row of the README's exit-code table: {@code | 3 | …}. */
    private static final Pattern EXIT_CODE_ROW = Pattern.compile("(?m)^\\| (\\d+) \\|");

    private static List<MarkdownPage> pages;

    @BeforeAll
    static void read() {
        pages = pages().stream().map(MarkdownPage::read).toList();
    }

    @Test
    void theReadmeIsAFrontPageOfAtMost20Kilobytes() throws IOException {
        assertThat(Files.size(README)).as("README.md in bytes: move details into docs/").isLessThanOrEqualTo(README_MAX_BYTES);
    }

    @Test
    void theDocumentsBehindTheReadmeAreChecked() {
        assertThat(pages).extracting(page -> DeploymentFiles.ROOT.relativize(page.file()).toString())
                .contains("README.md", "bench/README.md", "docs/architecture.md", "docs/production.md", "docs/kubernetes.md",
                        "docs/troubleshooting.md", "docs/testing.md", "docs/api.md", "docs/migrations.md");
    }

    @Test
    void everyLinkStaysInTheRepositoryAndResolvesToAFileAndHeading() {
        List<String> broken = new ArrayList<>();
        for (MarkdownPage page : pages) {
            for (String link : page.links()) {
                String problem = problemOf(page, link);
                if (problem != null) {
                    broken.add(DeploymentFiles.ROOT.relativize(page.file()) + ": (" + link + ") " + problem);
                }
            }
        }
        assertThat(broken).as("links that do not resolve").isEmpty();
    }

    @Test
    void everyDbCommandShownIsOneTheJarHasWithOptionsItTakes() {
        Map<String, Set<String>> available = DbCommands.available();
        List<String> wrong = new ArrayList<>();
        int shown = 0;
        for (MarkdownPage page : pages) {
            for (String line : shellLines(page)) {
                Matcher m = DB_COMMAND.matcher(line);
                for (int from = 0; m.find(from); from = m.start(2)) {
                    shown++;
                    String command = m.group(1);
                    String where = DeploymentFiles.ROOT.relativize(page.file()) + ": " + line.strip();
                    if (!available.containsKey(command)) {
                        wrong.add(where + " (no command db " + command + ")");
                        continue;
                    }
                    for (String option : options(m.group(2))) {
                        if (!available.get(command).contains(option)) {
                            wrong.add(where + " (db " + command + " has no " + option + ")");
                        }
                    }
                }
            }
        }
        assertThat(shown).as("db commands found in the pages").isGreaterThan(available.size());
        assertThat(wrong).as("db commands or options the jar does not have").isEmpty();
    }

    @Test
    void theReadmeTablesListEveryDbCommandAndExactlyTheExitCodesOfDbHelp() {
        String commandMode = readmeSection("## Command mode");
        Set<String> listed = new TreeSet<>();
        Matcher row = COMMAND_ROW.matcher(commandMode);
        while (row.find()) {
            listed.add(row.group(1));
        }
        assertThat(listed).as("rows of the README's command table").isEqualTo(new TreeSet<>(DbCommands.available().keySet()));

        Set<String> codes = new TreeSet<>();
        Matcher code = EXIT_CODE_ROW.matcher(commandMode);
        while (code.find()) {
            codes.add(code.group(1));
        }
        assertThat(codes).as("rows of the README's exit-code table").isEqualTo(new TreeSet<>(DbCommands.exitCodes().keySet()));
    }

    @Test
    void everyRepositoryPathNamedInCodeExists() {
        List<String> missing = new ArrayList<>();
        for (MarkdownPage page : pages) {
            for (String code : page.code()) {
                for (String word : code.split("[\\s\"'`()\\[\\]=,;]+")) {
                    String path = word.replaceAll("[.:]$", "");
                    Matcher m = REPOSITORY_PATH.matcher(path);
                    if (m.matches() && !NOT_SOURCE.contains(m.group(1)) && Files.isDirectory(DeploymentFiles.ROOT.resolve(m.group(1)))
                            && !Files.exists(DeploymentFiles.ROOT.resolve(path))) {
                        missing.add(DeploymentFiles.ROOT.relativize(page.file()) + ": " + path);
                    }
                }
            }
        }
        assertThat(missing).as("paths that are not in the repository").isEmpty();
    }

    /** The README from {@code heading} to the next heading of the same level. */
    private static String readmeSection(String heading) {
        String readme = DeploymentFiles.read(README);
        int start = readme.indexOf("\n" + heading);
        assertThat(start).as("README.md has a section " + heading).isNotNegative();
        int end = readme.indexOf("\n## ", start + 1);
        return readme.substring(start, end < 0 ? readme.length() : end);
    }

    /** README.md, bench/README.md and every page of docs/. */
    static List<Path> pages() {
        List<Path> files = new ArrayList<>(List.of(README, DeploymentFiles.ROOT.resolve("bench/README.md")));
        try (Stream<Path> docs = Files.list(DeploymentFiles.ROOT.resolve("docs"))) {
            docs.filter(f -> f.toString().endsWith(".md")).sorted().forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** Why {@code link} on {@code page} does not lead to a file and heading of the repository; null when it does. */
    private static String problemOf(MarkdownPage page, String link) {
        if (EXTERNAL.matcher(link).find()) {
            return "points outside the repository";
        }
        int hash = link.indexOf('#');
        String path = URLDecoder.decode(hash < 0 ? link : link.substring(0, hash), StandardCharsets.UTF_8);
        String anchor = hash < 0 ? null : link.substring(hash + 1);
        Path target = path.isEmpty() ? page.file()
                : (path.startsWith("/") ? DeploymentFiles.ROOT.resolve(path.substring(1)) : page.file().resolveSibling(path)).normalize();
        if (!target.startsWith(DeploymentFiles.ROOT)) {
            return "points outside the repository";
        }
        if (!Files.exists(target)) {
            return "no such file";
        }
        if (anchor == null) {
            return null;
        }
        if (!target.toString().endsWith(".md")) {
            return "an anchor into a file that is not Markdown";
        }
        return MarkdownPage.read(target).anchors().contains(anchor) ? null : "no such heading";
    }

    /** The lines of a page's code, continuation lines ({@code \} at the end) joined. */
    private static List<String> shellLines(MarkdownPage page) {
        List<String> lines = new ArrayList<>();
        for (String code : page.code()) {
            lines.addAll(List.of(code.replaceAll("\\\\\\R", " ").split("\\R")));
        }
        return lines;
    }

    /** The option names in the words after a command, up to the end of that command. */
    private static List<String> options(String rest) {
        List<String> names = new ArrayList<>();
        for (String word : rest.strip().split("\\s+")) {
            if (COMMAND_END.matcher(word).matches()) {
                break;
            }
            for (String alternative : word.replaceAll("^\\[+|]+$", "").split("\\\\?\\|")) {
                if (alternative.startsWith("-")) {
                    names.add(alternative.split("=", 2)[0]);
                }
            }
        }
        return names;
    }
}
