package com.example.service.admin;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestStreamElementType;

import com.example.service.database.DatabaseUnavailableException;
import com.example.service.migration.MigrationListener;
import com.example.service.migration.apply.SqlPreview;
import com.example.service.migration.audit.AuditLog;
import com.example.service.migration.change.Actors;
import com.example.service.migration.change.SchemaChanges;
import com.example.service.migration.history.SchemaHistory;
import com.example.service.migration.state.SchemaState;
import com.example.service.migration.state.SchemaStateCache;
import com.example.service.problem.Problem;
import com.example.service.problem.QueryValues;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.mutiny.Multi;

/**
 * {@code /admin/db}: the schema's state for operators and dashboards, and the one schema change
 * reachable over HTTP. Status, pending and validate answer from the cached state (no query); history
 * pages in SQL; upgrade never waits for the migration lock.
 */
@Path("/admin/db")
@Produces(MediaType.APPLICATION_JSON)
@StrictRequest
@Tag(name = "admin", description = "Schema migration state and upgrade (HTTP Basic; roles viewer and admin)")
@APIResponse(responseCode = "400", description = "Unknown or repeated query parameter, invalid value, or a request body",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "401", description = "No credentials, wrong credentials, or no admin API account configured",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Authenticated without the role this endpoint needs",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "503", description = "The database did not answer",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class AdminDbResource {

    static final int MAX_PAGE = 1000;
    private static final String LIMIT_DOC = "Page size, 1 to " + MAX_PAGE + "; default " + QueryValues.DEFAULT_LIMIT;
    private static final String OFFSET_DOC = "Rows to skip, 0 or more; default 0";

    private final SchemaStateCache cache;
    private final StatusFeed feed;
    private final SchemaHistory history;
    private final SqlPreview sqlPreview;
    private final SchemaChanges changes;
    private final Actors actors;
    private final AuditLog auditLog;
    private final SecurityIdentity identity;

    AdminDbResource(SchemaStateCache cache, StatusFeed feed, SchemaHistory history, SqlPreview sqlPreview,
            SchemaChanges changes, Actors actors, AuditLog auditLog, SecurityIdentity identity) {
        this.cache = cache;
        this.feed = feed;
        this.history = history;
        this.sqlPreview = sqlPreview;
        this.changes = changes;
        this.actors = actors;
        this.auditLog = auditLog;
        this.identity = identity;
    }

    @GET
    @Path("status")
    @NonBlocking
    @RolesAllowed({ Roles.VIEWER, Roles.ADMIN })
    @Operation(summary = "Schema state (role viewer or admin)",
            description = "State, versions, counts, last migration, PostgreSQL version, lock holder, the startup "
                    + "migration's phase while it runs, and the progress of this instance's upgrade (startup or REST) "
                    + "while it holds the lock. From the cached state: refreshed every SCHEMA_STATE_REFRESH, when this "
                    + "instance takes the lock and after every change; answers 200 even while the database is down "
                    + "(state UNKNOWN).")
    @APIResponse(responseCode = "200", description = "The state",
            content = @Content(schema = @Schema(implementation = DbStatus.class)))
    public DbStatus status() {
        return feed.current();
    }

    @GET
    @Path("events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.VIEWER, Roles.ADMIN })
    @Operation(summary = "The status, live (role viewer or admin)",
            description = "Server-sent events: the first event is the status now, as GET status answers it; then one "
                    + "event with the whole status each time it changes: every step of this instance's migration "
                    + "(startup or REST), and every change the schema state refresh sees, such as another process's "
                    + "migration taking the lock and committing. A refresh that changes nothing sends nothing. The "
                    + "stream stays open until the client closes it.")
    @APIResponse(responseCode = "200", description = "A text/event-stream; each event's data is a status",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(implementation = DbStatus.class)))
    public Multi<DbStatus> events() {
        return feed.stream();
    }

    @GET
    @Path("me")
    @NonBlocking
    @RolesAllowed({ Roles.VIEWER, Roles.ADMIN })
    @Operation(summary = "Who is asking (role viewer or admin)",
            description = "The account the credentials belong to, its roles, and whether it may upgrade.")
    @APIResponse(responseCode = "200", description = "The caller",
            content = @Content(schema = @Schema(implementation = AdminCaller.class)))
    public AdminCaller me() {
        return AdminCaller.of(identity);
    }

    @GET
    @Path("pending")
    @NonBlocking
    @RolesAllowed({ Roles.VIEWER, Roles.ADMIN })
    @Operation(summary = "Pending migrations (role viewer or admin)",
            description = "This code's migrations not yet applied, in version order, each with its phase (expand: the next "
                    + "upgrade applies it; contract: db upgrade --phase contract does, after the rollout). From the cached state.")
    @APIResponse(responseCode = "200", description = "The pending migrations",
            content = @Content(schema = @Schema(implementation = PendingMigrations.class)))
    public PendingMigrations pending() {
        return PendingMigrations.of(knownState().allPending());
    }

    @GET
    @Path("validate")
    @NonBlocking
    @RolesAllowed({ Roles.VIEWER, Roles.ADMIN })
    @Operation(summary = "Drift and failures, itemised (role viewer or admin)",
            description = "Applied migrations checked against this code's scripts: checksum drift, failed or missing "
                    + "migrations. Pending and newer migrations are not findings. From the cached state.")
    @APIResponse(responseCode = "200", description = "The findings; valid is false when there are any",
            content = @Content(schema = @Schema(implementation = ValidationReport.class)))
    public ValidationReport validate() {
        return ValidationReport.of(knownState().drift());
    }

    @GET
    @Path("history")
    @RolesAllowed({ Roles.VIEWER, Roles.ADMIN })
    @Operation(summary = "Schema history, newest first (role viewer or admin)",
            description = "Rows of the schema history table, paginated in SQL.")
    @APIResponse(responseCode = "200", description = "One page",
            content = @Content(schema = @Schema(implementation = HistoryPage.class)))
    public HistoryPage history(
            @Parameter(description = LIMIT_DOC) @QueryParam("limit") String limit,
            @Parameter(description = OFFSET_DOC) @QueryParam("offset") String offset) {
        return HistoryPage.of(history.page(QueryValues.limit(limit, MAX_PAGE), QueryValues.offset(offset)));
    }

    @GET
    @Path("audit")
    @RolesAllowed({ Roles.VIEWER, Roles.ADMIN })
    @Operation(summary = "Audit of schema changes, newest first (role viewer or admin)",
            description = "One row per schema change from any entry point (startup, CLI, this API): who, when, entry "
                    + "point, action, from and to version, result (success, failure, refused) and the error. Upgrades "
                    + "that found nothing to apply are not recorded. Paginated in SQL.")
    @APIResponse(responseCode = "200", description = "One page",
            content = @Content(schema = @Schema(implementation = AuditPage.class)))
    public AuditPage audit(
            @Parameter(description = LIMIT_DOC) @QueryParam("limit") String limit,
            @Parameter(description = OFFSET_DOC) @QueryParam("offset") String offset) {
        return AuditPage.of(auditLog.page(QueryValues.limit(limit, MAX_PAGE), QueryValues.offset(offset)));
    }

    @GET
    @Path("sql")
    @Produces(MediaType.TEXT_PLAIN)
    @RolesAllowed({ Roles.VIEWER, Roles.ADMIN })
    @Operation(summary = "The SQL an upgrade would run (role viewer or admin)",
            description = "Each pending script up to target, in order, headed by a comment naming it; nothing is run or "
                    + "locked. Empty when nothing is pending up to target; 400 for a target that upgrade would refuse.")
    @APIResponse(responseCode = "200", description = "The scripts", content = @Content(mediaType = MediaType.TEXT_PLAIN))
    public String sql(@Parameter(description = "Stop at this version (e.g. 3 or 1.2): a version of this code, not below "
            + "the current one; default: all pending")
            @QueryParam("target") String target) {
        return sqlPreview.render(target);
    }

    @GET
    @Path("pending/sql")
    @Produces(MediaType.TEXT_PLAIN)
    @RolesAllowed({ Roles.VIEWER, Roles.ADMIN })
    @Operation(summary = "The SQL of one pending migration (role viewer or admin)",
            description = "The script's text as an upgrade would run it; nothing is run or locked. Only pending "
                    + "migrations' scripts are served: 404 for any other name.")
    @APIResponse(responseCode = "200", description = "The script", content = @Content(mediaType = MediaType.TEXT_PLAIN))
    @APIResponse(responseCode = "404", description = "No pending migration has that script",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public String pendingSql(@Parameter(description = "The script's name, as GET pending lists it (e.g. V4__add_index.sql)",
            required = true) @QueryParam("script") String script) {
        if (script == null) {
            throw new BadRequestException("query parameter 'script' is required");
        }
        return sqlPreview.pendingScript(script)
                .orElseThrow(() -> new NotFoundException("no pending migration has the script '" + script + "'"));
    }

    @POST
    @Path("upgrade")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Apply pending migrations (role admin)",
            description = "Applies this code's pending expand migrations, up to target when given, under the migration "
                    + "lock shared with startup and the CLI; pending contract migrations stay pending (db upgrade --phase "
                    + "contract applies them, after the rollout). Never waits for that lock. Each migration runs in its own "
                    + "transaction: a failing one leaves the schema as it was before it. On an up-to-date schema, "
                    + "answers 200 with nothing applied.")
    @APIResponse(responseCode = "200", description = "What was applied: from, to, each migration and its time",
            content = @Content(schema = @Schema(implementation = UpgradeResult.class)))
    @APIResponse(responseCode = "409", description = "Another session holds the migration lock (named in lockHolder); nothing applied",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "A migration is recorded as failed, or applied scripts drifted "
            + "while migrations are pending or READINESS_MODE is strict (items); nothing applied",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "500", description = "A migration failed: version, script, sqlState, sqlMessage; "
            + "it was rolled back, the ones before it stay applied",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public UpgradeResult upgrade(@Parameter(description = "Stop at this version (e.g. 3 or 1.2): a version of this code, "
            + "not below the current one; default: all pending") @QueryParam("target") String target) {
        return UpgradeResult.of(changes.upgrade(actors.http(identity.getPrincipal().getName()), target, MigrationListener.NONE));
    }

    /** The cached state; 503 when the database did not answer at the last refresh. */
    private SchemaState knownState() {
        SchemaStateCache.Snapshot snapshot = cache.current();
        if (!snapshot.reachable() || snapshot.state().isEmpty()) {
            throw new DatabaseUnavailableException("schema state not available: " + snapshot.problem(), null, false);
        }
        return snapshot.state().get();
    }
}
