package com.example.service.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17, item 3: the collector chosen by bench/memory.sh is where users run the service: the
 * image's JAVA_OPTS and the launcher's serve mode, which JAVA_OPTS can still override; and the
 * native heap trim, only where the JVM has it.
 */
class LauncherMemoryTest {

    private static final Path LAUNCHER = DeploymentFiles.DOCKER_DIR.resolve("example-service");

    @TempDir
    Path dir;

    @Test
    void theImageServesWithTheSerialCollector() {
        assertThat(DeploymentFiles.dockerfileEnv().get("JAVA_OPTS")).contains("-XX:+UseSerialGC")
                .contains("-XX:MaxRAMPercentage=70");
    }

    @Test
    void theLauncherServesWithItsCollectorAndJitSettingsAndJavaOptsComeAfter() throws Exception {
        String line = launch("serve", "-XX:+UseG1GC");
        assertThat(line).startsWith("-XX:+UseSerialGC -XX:CompileThresholdScaling=2 -XX:+UseG1GC -jar ");
        assertThat(launch("", "")).startsWith("-XX:+UseSerialGC -XX:CompileThresholdScaling=2 -jar ");
        assertThat(launch("db", "")).doesNotContain("CompileThresholdScaling");
    }

    @Test
    void aServingJvmThatHasTheOptionTrimsItsNativeHeap() throws Exception {
        jdkRelease("17.0.15");
        assertThat(launch("serve", "")).startsWith("-XX:+UseSerialGC -XX:CompileThresholdScaling=2 -XX:TrimNativeHeapInterval=1000 -jar ");
        assertThat(launch("db", "")).doesNotContain("TrimNativeHeapInterval");
        jdkRelease("21.0.5");
        assertThat(launch("", "")).contains("-XX:TrimNativeHeapInterval=1000");
        jdkRelease("25");
        assertThat(launch("", "")).contains("-XX:TrimNativeHeapInterval=1000");
    }

    @Test
    void aJvmWithoutTheOptionStartsWithoutIt() throws Exception {
        for (String version : List.of("17.0.8", "21.0.2", "11.0.24", "1.8.0_392")) {
            jdkRelease(version);
            assertThat(launch("serve", "")).as(version).startsWith("-XX:+UseSerialGC -XX:CompileThresholdScaling=2 -jar ");
        }
    }

    /** The release file of the JDK whose bin/ holds the fake {@code java}. */
    private void jdkRelease(String version) throws IOException {
        Files.writeString(dir.resolve("release"), "IMPLEMENTOR=\"Test\"\nJAVA_VERSION=\"" + version + "\"\n");
    }

    /** Runs the launcher with a {@code java} on the PATH (in a JDK's bin/) that prints its arguments. */
    private String launch(String argument, String javaOpts) throws IOException, InterruptedException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path java = bin.resolve("java");
        Files.writeString(java, "#!/bin/sh\necho \"$*\"\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path jar = Files.createFile(dir.resolve("app-" + System.nanoTime() + ".jar"));
        ProcessBuilder builder = new ProcessBuilder(argument.isEmpty()
                ? List.of(LAUNCHER.toString()) : List.of(LAUNCHER.toString(), argument));
        builder.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        builder.environment().put("EXAMPLE_SERVICE_JAR", jar.toString());
        builder.environment().put("JAVA_OPTS", javaOpts);
        builder.redirectErrorStream(true);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(process.waitFor()).as(out).isZero();
        return out;
    }
}
