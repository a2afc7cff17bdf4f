package com.example.service.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.example.service.testing.CommandResult;

/**
 * The project's {@code mvnw} on a machine where Maven is not installed yet: it fetches the pinned
 * version from MVNW_REPOURL or through an {@code mvn} on the PATH, installs it only when its SHA-512
 * is the pinned one, and otherwise says what to set. A stand-in distribution (its {@code bin/mvn}
 * echoes its arguments) under the pinned version and name keeps the test off the network; the real
 * one is what every {@code ./mvnw} build of this project runs.
 */
class MavenWrapperTest {

    private static final Path ROOT = Path.of("").toAbsolutePath();
    /** What the wrapper needs besides sh, without mvn: a machine with only a JDK and the usual tools. */
    private static final List<String> TOOLS = List.of("sh", "sed", "tr", "dirname", "mkdir", "mktemp", "cut", "sha512sum",
            "tar", "gzip", "mv", "rm", "cat", "cp", "curl");

    @TempDir
    Path temp;
    private String version;
    private Path project;
    private Path bin;
    private Path repository;
    private Path archive;

    @BeforeEach
    void aProjectAMachineAndARepository() throws IOException, InterruptedException {
        Properties pinned = new Properties();
        try (var in = Files.newInputStream(ROOT.resolve(".mvn/wrapper/maven-wrapper.properties"))) {
            pinned.load(in);
        }
        version = pinned.getProperty("mavenVersion");

        Path distribution = Files.createDirectories(temp.resolve("dist/apache-maven-" + version + "/bin"));
        Files.writeString(distribution.resolve("mvn"), "#!/bin/sh\necho \"stand-in maven " + version + ": $*\"\n");
        Files.setPosixFilePermissions(distribution.resolve("mvn"), PosixFilePermissions.fromString("rwxr-xr-x"));
        archive = Files.createDirectories(temp.resolve("repository/org/apache/maven/apache-maven/" + version))
                .resolve("apache-maven-" + version + "-bin.tar.gz");
        exec(List.of("tar", "-czf", archive.toString(), "-C", temp.resolve("dist").toString(), "apache-maven-" + version));
        repository = temp.resolve("repository");

        project = Files.createDirectories(temp.resolve("project/.mvn/wrapper")).getParent().getParent();
        Files.copy(ROOT.resolve("mvnw"), project.resolve("mvnw"), StandardCopyOption.COPY_ATTRIBUTES);
        pin(sha512(archive));

        bin = Files.createDirectories(temp.resolve("bin"));
        for (String tool : TOOLS) {
            Path found = Stream.of("/usr/bin", "/bin").map(d -> Path.of(d, tool)).filter(Files::isExecutable).findFirst()
                    .orElseThrow(() -> new AssertionError(tool + " not found"));
            Files.createSymbolicLink(bin.resolve(tool), found);
        }
    }

    @Test
    void fetchesThePinnedMavenFromMvnwRepourlOnceAndRunsIt() throws IOException, InterruptedException {
        CommandResult first = mvnw(Map.of("MVNW_REPOURL", repository.toUri().toString()), "-v");
        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(first.stdout()).isEqualTo("stand-in maven " + version + ": -v\n");
        assertThat(first.stderr()).contains("mvnw: installed Maven " + version);

        Files.delete(archive);
        CommandResult again = mvnw(Map.of(), "clean", "verify");
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.stdout()).isEqualTo("stand-in maven " + version + ": clean verify\n");
        assertThat(again.stderr()).isEmpty();
    }

    @Test
    void fetchesItThroughTheMvnOnThePath() throws IOException, InterruptedException {
        Path calls = temp.resolve("mvn-calls");
        Files.writeString(bin.resolve("mvn"), "#!/bin/sh\necho \"$*\" >> " + calls + "\ncp " + archive + " .\n");
        Files.setPosixFilePermissions(bin.resolve("mvn"), PosixFilePermissions.fromString("rwxr-xr-x"));

        CommandResult result = mvnw(Map.of(), "package");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdout()).isEqualTo("stand-in maven " + version + ": package\n");
        assertThat(Files.readString(calls)).isEqualTo("-B -q org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy "
                + "-Dartifact=org.apache.maven:apache-maven:" + version + ":tar.gz:bin -DoutputDirectory=.\n");
    }

    @Test
    void refusesAnArchiveThatIsNotThePinnedOne() throws IOException, InterruptedException {
        pin("0".repeat(128));
        CommandResult result = mvnw(Map.of("MVNW_REPOURL", repository.toUri().toString()), "-v");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).startsWith("mvnw: the downloaded apache-maven-" + version + "-bin.tar.gz has SHA-512 "
                + sha512(archive) + ", not the pinned " + "0".repeat(128) + "; nothing installed");
        assertThat(temp.resolve("m2/wrapper/dists")).isEmptyDirectory();
    }

    @Test
    void withNeitherARepositoryNorAnMvnItSaysWhatToSet() throws IOException, InterruptedException {
        CommandResult result = mvnw(Map.of(), "-v");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stdout()).isEmpty();
        assertThat(result.stderr()).isEqualTo("mvnw: Maven " + version + " is not in " + temp.resolve("m2/wrapper/dists")
                + " yet, and there is nothing to fetch it with: set MVNW_REPOURL to the URL of a Maven repository "
                + "(your mirror, or Maven Central), or put any mvn on the PATH\n");
    }

    @Test
    void theRepositoryUrlIsPassedInNotWritten() throws IOException {
        assertThat(Files.readString(ROOT.resolve(".mvn/wrapper/maven-wrapper.properties"))).doesNotContain("://");
        assertThat(Files.readString(ROOT.resolve("mvnw"))).doesNotContain("://");
        assertThat(Files.readString(ROOT.resolve(".mvn/wrapper/mvnw.ps1"))).doesNotContain("://");
        assertThat(Files.readString(ROOT.resolve("mvnw.cmd"))).doesNotContain("://").contains("\r\n");
    }

    private void pin(String sha512) throws IOException {
        Files.writeString(project.resolve(".mvn/wrapper/maven-wrapper.properties"),
                "mavenVersion=" + version + "\ndistributionSha512Sum=" + sha512 + "\n");
    }

    private CommandResult mvnw(Map<String, String> extra, String... args) throws IOException, InterruptedException {
        List<String> command = Stream.concat(Stream.of(project.resolve("mvnw").toString()), Stream.of(args)).toList();
        ProcessBuilder builder = new ProcessBuilder(command).directory(project.toFile());
        builder.environment().clear();
        builder.environment().putAll(Map.of("PATH", bin.toString(), "HOME", temp.toString(), "MAVEN_USER_HOME",
                temp.resolve("m2").toString()));
        builder.environment().putAll(extra);
        Path out = temp.resolve("out");
        Path err = temp.resolve("err");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("mvnw finished").isTrue();
        return new CommandResult(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    private static void exec(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).inheritIO().start();
        assertThat(process.waitFor()).as(String.join(" ", command)).isZero();
    }

    private static String sha512(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-512").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
