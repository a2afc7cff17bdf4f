package com.example.service.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What PostgreSQL's {@code postmaster.pid} says about the server running on a data directory: the
 * postmaster's process id, its TCP port and its status line ({@code starting}, {@code ready},
 * {@code stopping}). PostgreSQL writes the file at start and removes it at a clean stop, so a file
 * whose process is gone was left by a crash or a reboot.
 *
 * @param pid    the postmaster's process id
 * @param port   the TCP port it listens on
 * @param status the status line, empty while the server is still writing the file
 */
record PostmasterPid(long pid, int port, String status) {

    static final String FILE_NAME = "postmaster.pid";

    /** The file's lines are fixed by PostgreSQL (src/include/utils/pidfile.h), counted from 1. */
    private static final int PID_LINE = 1;
    private static final int PORT_LINE = 4;
    private static final int STATUS_LINE = 8;

    /** The file in {@code dataDirectory}, or empty when there is none or it is still being written. */
    static Optional<PostmasterPid> read(Path dataDirectory) {
        List<String> lines;
        try {
            lines = Files.readAllLines(dataDirectory.resolve(FILE_NAME));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new EmbeddedServerException("cannot read " + dataDirectory.resolve(FILE_NAME) + ": " + e.getMessage(), e);
        }
        if (lines.size() < PORT_LINE) {
            return Optional.empty();
        }
        try {
            return Optional.of(new PostmasterPid(Long.parseLong(lines.get(PID_LINE - 1).trim()),
                    Integer.parseInt(lines.get(PORT_LINE - 1).trim()),
                    lines.size() >= STATUS_LINE ? lines.get(STATUS_LINE - 1).trim() : ""));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    boolean ready() {
        return "ready".equals(status);
    }

    /**
     * The postmaster as a live process. A live process that runs something other than PostgreSQL
     * took over the id of one that died with the machine: the file is stale.
     */
    Optional<ProcessHandle> process() {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(true));
    }
}
