package com.example.service.migration.audit;

import java.time.Duration;

import com.example.service.migration.Actor;
import com.example.service.migration.ChangeAction;

/**
 * CDI event fired for each migration an audited change ran (applied, undone, or failed).
 *
 * @param entryPoint where the change came from
 * @param action     the change it was part of
 * @param script     the migration's script
 * @param duration   how long it ran
 * @param success    false when it failed (and was rolled back)
 */
public record MigrationExecuted(Actor.EntryPoint entryPoint, ChangeAction action, String script, Duration duration,
        boolean success) {
}
