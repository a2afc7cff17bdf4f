package com.example.service.migration.apply;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.example.service.migration.InvalidArgumentException;
import com.example.service.migration.Migration;
import com.example.service.migration.MigrationListener;
import com.example.service.migration.Phase;
import com.example.service.migration.SchemaChange;
import com.example.service.migration.db.FlywayFactory;
import com.example.service.migration.release.ConnectedRelease;
import com.example.service.migration.release.ConnectedReleases;
import com.example.service.migration.release.OlderReleasesConnectedException;
import com.example.service.migration.state.SchemaInspector;
import com.example.service.migration.state.SchemaState;

/**
 * {@code db upgrade --phase contract}: the post-deploy migrations of CONTRACT_LOCATIONS, applied
 * once no connected instance runs code that does not know them, out of order after later expand
 * migrations where they must be.
 */
@ApplicationScoped
public class ContractUpgrade {

    private static final Logger LOG = Logger.getLogger(ContractUpgrade.class);
    private static final Duration POLL = Duration.ofSeconds(1);

    private final Upgrader upgrader;
    private final FlywayFactory flywayFactory;
    private final SchemaInspector inspector;
    private final ConnectedReleases releases;

    ContractUpgrade(Upgrader upgrader, FlywayFactory flywayFactory, SchemaInspector inspector, ConnectedReleases releases) {
        this.upgrader = upgrader;
        this.flywayFactory = flywayFactory;
        this.inspector = inspector;
        this.releases = releases;
    }

    /**
     * The contract phase: every pending contract migration, once no connected instance runs code that
     * does not know the newest of them (waiting at most {@code wait} for them to leave), or at once
     * with {@code force}. Refused while expand migrations are pending: contract follows the rollout.
     * It throws {@link OlderReleasesConnectedException} when such instances are still there.
     */
    public SchemaChange<UpgradeResult> contract(Duration wait, boolean force) {
        return new SchemaChange<>() {

            @Override
            public Optional<UpgradeResult> withoutLock() {
                SchemaState state = inspector.read();
                refuseWhileExpandPending(state.pending());
                if (state.pendingContract().isEmpty()) {
                    return Optional.of(new UpgradeResult(state.currentVersion(), state.currentVersion(), List.of(), 0));
                }
                if (!force) {
                    awaitOlderReleasesGone(newest(state.pendingContract()), wait);
                }
                return Optional.empty();
            }

            @Override
            public UpgradeResult run(MigrationListener listener, Tracker tracker) {
                List<Migration> pending = inspector.pending();
                refuseWhileExpandPending(pending.stream().filter(m -> m.phase() != Phase.CONTRACT).toList());
                if (!force && !pending.isEmpty()) {
                    awaitOlderReleasesGone(newest(pending), Duration.ZERO);
                }
                return upgrader.migrate(flywayFactory.forContract(), Phase.CONTRACT, null, false, listener, tracker);
            }
        };
    }

    private static void refuseWhileExpandPending(List<Migration> expand) {
        if (!expand.isEmpty()) {
            throw new InvalidArgumentException("contract phase refused: expand migration(s) "
                    + expand.stream().map(Migration::label).collect(Collectors.joining(", "))
                    + " are pending; apply them first with 'db upgrade' (the contract phase runs after the rollout)");
        }
    }

    private static String newest(List<Migration> migrations) {
        return migrations.get(migrations.size() - 1).version();
    }

    /** Polls pg_stat_activity until no connected release is older than {@code version}, at most {@code wait}. */
    private void awaitOlderReleasesGone(String version, Duration wait) {
        long start = System.nanoTime();
        List<ConnectedRelease> seen = List.of();
        while (true) {
            List<ConnectedRelease> older = releases.notKnowing(version);
            if (older.isEmpty()) {
                return;
            }
            long waited = System.nanoTime() - start;
            if (waited >= wait.toNanos()) {
                throw new OlderReleasesConnectedException(version, older, Duration.ofNanos(waited));
            }
            if (!older.equals(seen)) {
                LOG.infof("Contract migration %s waits (at most %s) for older releases to disconnect: %s", version, wait,
                        older.stream().map(ConnectedRelease::describe).collect(Collectors.joining(", ")));
                seen = older;
            }
            try {
                Thread.sleep(Math.min(POLL.toMillis(), Duration.ofNanos(wait.toNanos() - waited).toMillis() + 1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new OlderReleasesConnectedException(version, older, Duration.ofNanos(waited));
            }
        }
    }
}
