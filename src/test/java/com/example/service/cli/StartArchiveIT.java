package com.example.service.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.example.service.testing.CommandResult;
import com.example.service.testing.ServiceProcess;
import com.example.service.testing.TestDatabase;

/**
 * The start-up archive through the launcher (src/main/docker/example-service): a good one is used, and
 * one that is not for this JVM and jar is ignored with one line while the command works as without it.
 */
class StartArchiveIT {

    private static final Path LAUNCHER = Path.of("src/main/docker/example-service").toAbsolutePath();
    /** Where these machines keep the two JDKs the launcher makes different archives on. */
    private static final Map<Integer, Path> JDKS = Map.of(
            17, Path.of("/usr/lib/jvm/java-17-openjdk-amd64"),
            25, Path.of("/usr/lib/jvm/temurin-25-jdk-amd64"));
    private static final String IGNORED = "example-service: start-up archive ";

    private static final Map<Integer, Path> ARCHIVES = new ConcurrentHashMap<>();

    private static TestDatabase database;
    private static Path folder;

    @BeforeAll
    static void migratedDatabase() throws IOException {
        database = TestDatabase.create();
        folder = Files.createTempDirectory("start-archive-");
        database.upgrade();
    }

    @AfterAll
    static void cleanUp() throws IOException {
        database.close();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    @Test
    void onJdk17TheLauncherMakesAnArchiveAndStartsFromIt() throws IOException {
        Path archive = madeOn(17);
        Map<String, String> jdk17 = onJava(17, archive);

        // The JVM names the archive a class came from: "(top)" is this one, above the JDK's own.
        Path classes = folder.resolve("classes.log");
        CommandResult check = currentCheck(loggingClasses(jdk17, classes));
        assertThat(check.stderr()).doesNotContain(IGNORED);
        // The libraries' classes too, not only the JDK's: with Quarkus' own class loader (fast-jar)
        // under 70% of a db check's classes came from the archives, with the JVM's (aot-jar) over 85%.
        List<String> loaded = loadedClasses(classes);
        long fromArchive = loaded.stream().filter(line -> line.endsWith("source: shared objects file (top)")).count();
        long shared = loaded.stream().filter(line -> line.contains("source: shared objects file")).count();
        assertThat(fromArchive).as("classes taken from the start-up archive").isGreaterThan(5000);
        assertThat(shared).as("classes shared, of %d loaded", loaded.size()).isGreaterThan(loaded.size() * 8 / 10);
    }

    @Test
    void onJdk25TheLauncherMakesAnAotCacheAndStartsFromIt() throws IOException {
        Path archive = madeOn(25);
        Map<String, String> jdk25 = onJava(25, archive);
        // A cache is a static archive (magic 0xf00baba2), not the dynamic one JDK 17 makes (0xf00baba8).
        byte[] magic = Arrays.copyOf(Files.readAllBytes(archive), 4);
        assertThat(magic).as("an AOT cache").containsExactly(0xa2, 0xab, 0x0b, 0xf0);

        Path classes = folder.resolve("jdk25-classes.log");
        CommandResult check = currentCheck(loggingClasses(jdk25, classes));
        assertThat(check.stderr()).as("the JVM took the cache without a word").isBlank();
        List<String> loaded = loadedClasses(classes);
        long shared = loaded.stream().filter(line -> line.contains("source: shared objects file")).count();
        assertThat(shared).as("classes from the cache, of %d loaded", loaded.size()).isGreaterThan(loaded.size() * 8 / 10);
    }

    @Test
    void anArchiveOfAnotherJvmIsIgnoredInOneLine() throws IOException {
        int other = Runtime.version().feature() == 25 ? 17 : 25;
        Path archive;
        if (Files.isExecutable(jdk(other).resolve("bin/java"))) {
            archive = madeOn(other);
        } else {
            // A stamp naming a JVM that is not this one, as an archive from another image would have.
            archive = Files.writeString(folder.resolve("other-jvm.jsa"), "not an archive of this JVM");
            Files.writeString(folder.resolve("other-jvm.jsa.stamp"), "/opt/other-jdk/lib/modules 1 1\n");
        }
        assertIgnoredInOneLine(archive);
    }

    @Test
    void aGarbageArchiveIsIgnoredInOneLine() throws IOException {
        Path archive = Files.write(folder.resolve("garbage.jsa"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        assertIgnoredInOneLine(archive);
    }

    @Test
    void noArchiveIsNoNews() {
        CommandResult check = launcher(Map.of("EXAMPLE_SERVICE_ARCHIVE", folder.resolve("absent.jsa").toString()),
                "db", "check", "--json");
        assertThat(check.exitCode()).as(check.toString()).isZero();
        assertThat(check.stderr()).doesNotContain(IGNORED);
    }

    private static void assertIgnoredInOneLine(Path archive) {
        CommandResult check = currentCheck(Map.of("EXAMPLE_SERVICE_ARCHIVE", archive.toString()));
        List<String> notes = check.stderr().lines().filter(line -> line.contains("archive")).toList();
        assertThat(notes).as(check.toString()).containsExactly(IGNORED + archive
                + " ignored: made for another JVM or jar (example-service --make-start-archive makes it again)");
    }

    /**
     * The archive the launcher makes on JDK {@code feature}, made once for the class: a training run
     * costs more than all the checks of it.
     */
    private static Path madeOn(int feature) {
        return ARCHIVES.computeIfAbsent(feature, jdk -> {
            Path archive = folder.resolve("jdk" + jdk + ".jsa");
            CommandResult made = launcher(onJava(jdk, archive), "--make-start-archive");
            assertThat(made.exitCode()).as(made.toString()).isZero();
            assertThat(Path.of(archive + ".stamp")).exists();
            return archive;
        });
    }

    /**
     * The launcher's environment with JDK {@code feature} first on the PATH and {@code archive} as its
     * archive; the test is skipped where that JDK is missing.
     */
    private static Map<String, String> onJava(int feature, Path archive) {
        Path bin = jdk(feature).resolve("bin");
        Assumptions.assumeTrue(Files.isExecutable(bin.resolve("java")), "no JDK " + feature + " at " + bin);
        return Map.of("EXAMPLE_SERVICE_ARCHIVE", archive.toString(), "PATH", bin + ":" + System.getenv("PATH"));
    }

    /** The JDK {@code feature}: the one running the tests when it is that one, else where these machines keep it. */
    private static Path jdk(int feature) {
        return Runtime.version().feature() == feature ? Path.of(System.getProperty("java.home")) : JDKS.get(feature);
    }

    /** {@code db check --json} through the launcher with {@code env}, which found the schema current. */
    private static CommandResult currentCheck(Map<String, String> env) {
        CommandResult check = launcher(env, "db", "check", "--json");
        assertThat(check.exitCode()).as(check.toString()).isZero();
        assertThat(check.json().get("current").asBoolean()).isTrue();
        return check;
    }

    /** {@code env} with the JVM logging each class it loads, and from where, to {@code log}. */
    private static Map<String, String> loggingClasses(Map<String, String> env, Path log) {
        Map<String, String> logged = new HashMap<>(env);
        logged.put("JAVA_OPTS", "-Xlog:class+load=info:file=" + log);
        return logged;
    }

    /** The lines of a {@code -Xlog:class+load} file that name where a class came from. */
    private static List<String> loadedClasses(Path log) throws IOException {
        try (Stream<String> lines = Files.lines(log)) {
            return lines.filter(line -> line.contains(" source: ")).toList();
        }
    }

    private static CommandResult launcher(Map<String, String> extra, String... args) {
        Map<String, String> env = new HashMap<>(ServiceProcess.environment(database.name()));
        env.putAll(extra);
        List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
        command.addAll(List.of(args));
        return ServiceProcess.run(folder, env, command);
    }
}
