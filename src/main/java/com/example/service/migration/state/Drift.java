package com.example.service.migration.state;

import java.util.List;
import java.util.stream.Collectors;

import com.example.service.migration.ReadinessMode;

/**
 * Applied scripts edited or gone since they were applied, and what that means, the same for the
 * startup migration, {@code db upgrade}, {@code db check}, the admin API and readiness: in compatible
 * mode drift alone is tolerated with a warning; in strict mode, or with migrations pending (which
 * would run on a schema the scripts no longer describe), it stops the upgrade until it is accepted.
 *
 * @param changed the findings that are drift; failed migrations are failures, not drift
 */
public record Drift(List<DriftItem> changed) {

    /** How an operator accepts an intended edit: repair realigns the recorded checksums. */
    private static final String ACCEPT = "if the edit is intended, accept it with 'db repair --confirm'";

    /** The drift among validation findings. */
    public static Drift of(List<DriftItem> findings) {
        return new Drift(findings.stream().filter(f -> !f.failure()).toList());
    }

    public boolean none() {
        return changed.isEmpty();
    }

    /** Whether drift stops an upgrade that would apply {@code pending} migrations under {@code mode}. */
    public boolean blocksUpgrade(ReadinessMode mode, int pending) {
        return !none() && (mode == ReadinessMode.STRICT || pending > 0);
    }

    /** One sentence: which scripts changed, what is held back, and how to accept the change. */
    public String explain(ReadinessMode mode, int pending) {
        String what = scripts() + (changed.size() == 1 ? " was" : " were") + " edited or removed since applied";
        if (pending > 0) {
            return what + ", so " + pending + " pending migration(s) are not applied; " + ACCEPT + ", then upgrade";
        }
        return what + (mode == ReadinessMode.STRICT ? " (READINESS_MODE=strict)" : "") + "; " + ACCEPT;
    }

    /** The upgrade's refusal when drift {@link #blocksUpgrade blocks} it. */
    public SchemaDriftException refusal(ReadinessMode mode, int pending) {
        return new SchemaDriftException("schema drift: " + explain(mode, pending) + "; nothing was applied", changed);
    }

    private String scripts() {
        return changed.stream().map(DriftItem::label).distinct().collect(Collectors.joining(", "));
    }
}
