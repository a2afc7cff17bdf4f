package com.example.service.database;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jboss.logging.Logger;

/** A server found running on the data directory at start: whose it is, and stopping one left by a killed process. */
final class LeftoverServer {

    private static final Logger LOG = Logger.getLogger(EmbeddedServer.class);
    private static final Duration STOP_WAIT = Duration.ofSeconds(30);

    private LeftoverServer() {
    }

    /**
     * Whether the process that started the running server still holds zonky's lock. A server without
     * that file was not started by this class: it belongs to whoever started it, never stopped here.
     */
    static boolean ownedByARunningProcess(Path data) throws IOException {
        Path lockFile = data.resolve(EmbeddedServer.OWNER_LOCK);
        if (!Files.exists(lockFile)) {
            return true;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE); FileLock lock = channel.tryLock()) {
            return lock == null;
        } catch (OverlappingFileLockException e) {
            // held by this JVM: dev mode restarts the application in a new class loader
            return true;
        }
    }

    /** A server whose starter was killed: PostgreSQL's fast shutdown (SIGINT), then SIGKILL if it hangs. */
    static void stop(ProcessHandle orphan, Path dir) {
        LOG.warnf("The embedded PostgreSQL in %s (pid %d) was left running by a process that was killed; stopping it to start it anew",
                dir, orphan.pid());
        try {
            new ProcessBuilder("kill", "-INT", String.valueOf(orphan.pid())).redirectErrorStream(true)
                    .redirectOutput(Redirect.DISCARD).start().waitFor(5, TimeUnit.SECONDS);
            orphan.onExit().get(STOP_WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (IOException | ExecutionException | TimeoutException e) {
            LOG.warnf("The embedded PostgreSQL (pid %d) did not stop within %d s; killing it", orphan.pid(), STOP_WAIT.toSeconds());
            orphan.destroyForcibly();
            orphan.onExit().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmbeddedServerException("interrupted while stopping the embedded PostgreSQL (pid " + orphan.pid() + ")");
        }
    }
}
