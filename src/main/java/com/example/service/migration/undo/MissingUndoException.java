package com.example.service.migration.undo;

import java.util.ArrayList;
import java.util.List;

import com.example.service.migration.MigrationException;

/**
 * A downgrade was refused before running anything, because some of its migrations have no undo
 * script, or one that holds no statement (empty or only comments, as {@code db migrate} creates it).
 */
public class MissingUndoException extends MigrationException {

    /**
     * @param missing   versions without an undo script
     * @param unwritten undo scripts that hold no statement, by file name, and their versions
     * @param locations where undo scripts were looked for
     */
    MissingUndoException(List<String> missing, List<Unwritten> unwritten, List<String> locations) {
        super(message(missing, unwritten, locations), null);
    }

    private static String message(List<String> missing, List<Unwritten> unwritten, List<String> locations) {
        List<String> reasons = new ArrayList<>();
        if (!missing.isEmpty()) {
            reasons.add("no undo script for " + String.join(", ", missing.stream().map(v -> "V" + v).toList())
                    + " in " + String.join(",", locations) + " (expected U<version>__<description>.sql)");
        }
        if (!unwritten.isEmpty()) {
            reasons.add(String.join(", ", unwritten.stream().map(Unwritten::script).toList())
                    + " hold(s) no statement (empty or only comments): write the SQL that undoes "
                    + String.join(", ", unwritten.stream().map(u -> "V" + u.version()).toList()) + " first");
        }
        return String.join("; ", reasons) + "; nothing was undone";
    }

    @Override
    public boolean refused() {
        return true;
    }

    /** An undo script that exists but undoes nothing. */
    record Unwritten(String version, String script) {
    }
}
