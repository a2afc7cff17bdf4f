package com.example.service.admin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/**
 * The admin API account of a development run on the embedded database when none is configured:
 * user {@value #USER}, with a random password kept in {@value #FILE} beside the embedded data,
 * readable by its owner only. It survives restarts, a developer reads it with {@code cat}, and it
 * is never logged. A run on a real database (DB_HOST set, always so in production) never gets it:
 * there no configured account means every {@code /admin} request is refused.
 */
public final class DevelopmentAccount {

    public static final String USER = "admin";
    static final String FILE = "admin-password";

    private static final Logger LOG = Logger.getLogger(DevelopmentAccount.class);
    private static final int PASSWORD_BYTES = 18;

    private DevelopmentAccount() {
    }

    /**
     * The properties that configure the account ({@code admin.user}, {@code admin.password}), its
     * password read from {@code directory} or created there; empty when ADMIN_USER or VIEWER_USER is set.
     */
    public static Map<String, String> properties(Config config, Path directory) {
        if (config.getOptionalValue("admin.user", String.class).isPresent()
                || config.getOptionalValue("VIEWER_USER", String.class).isPresent()) {
            return Map.of();
        }
        Path file = directory.resolve(FILE);
        String password = readOrCreate(file);
        LOG.infof("Admin API: no account configured, so the development account '%s' is used; its password is in %s",
                USER, file);
        return Map.of("admin.user", USER, "admin.password", password);
    }

    private static String readOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                // Written aside and linked into place, so that a process starting beside this one reads
                // either no file or the whole password, and both end up with the same one.
                Path draft = Files.createTempFile(file.getParent(), FILE, ".new",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                try {
                    byte[] random = new byte[PASSWORD_BYTES];
                    new SecureRandom().nextBytes(random);
                    Files.writeString(draft, Base64.getUrlEncoder().withoutPadding().encodeToString(random) + "\n");
                    Files.createLink(file, draft);
                } catch (FileAlreadyExistsException e) {
                    // the other process was first
                } finally {
                    Files.delete(draft);
                }
            }
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read or create the development admin password in " + file + ": " + e.getMessage(), e);
        }
    }
}
