package com.example.service.admin;

import java.util.Map;

import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.example.service.database.DatabaseUnavailableException;
import com.example.service.migration.InvalidTargetException;
import com.example.service.migration.MigrationFailedException;
import com.example.service.migration.db.DatabaseErrorException;
import com.example.service.migration.lock.LockUnavailableException;
import com.example.service.migration.state.ValidationFailedException;
import com.example.service.problem.Problem;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * problem+json for the admin API's failures: authentication (401 with a Basic challenge, 403), and
 * each kind of migration failure, with a {@code type} a script can branch on.
 */
public class AdminProblemMappers {

    private static final String CHALLENGE = "Basic realm=\"example-service admin\", charset=\"UTF-8\"";
    private static final String TYPE = "urn:example-service:problem:";
    /** Not among Jakarta REST 3.1's constants. */
    private static final int UNPROCESSABLE_CONTENT = 422;
    private static final Logger LOG = Logger.getLogger(AdminProblemMappers.class);

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return challenge("credentials required (HTTP Basic)");
    }

    /** Never says whether the user or the password was wrong, and never echoes either. */
    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        return challenge("wrong user name or password, or no admin API account configured");
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return Problem.of(Status.FORBIDDEN, "your role may not do this").toResponse();
    }

    @ServerExceptionMapper
    public Response lockUnavailable(LockUnavailableException e) {
        return problem("migration-lock-held", Status.CONFLICT, e.getMessage() + "; nothing was applied, try again later")
                .with("lockHolder", e.holder().map(LockHolder::of).orElse(null))
                .toResponse();
    }

    @ServerExceptionMapper
    public Response validationFailed(ValidationFailedException e) {
        return new Problem(TYPE + "schema-drift", "Unprocessable Content", UNPROCESSABLE_CONTENT, e.getMessage(), Map.of())
                .with("items", DriftItem.all(e.items()))
                .toResponse();
    }

    @ServerExceptionMapper
    public Response invalidTarget(InvalidTargetException e) {
        return problem("invalid-target", Status.BAD_REQUEST, e.getMessage()).toResponse();
    }

    @ServerExceptionMapper
    public Response migrationFailed(MigrationFailedException e) {
        LOG.error(e.getMessage());
        return problem("migration-failed", Status.INTERNAL_SERVER_ERROR, e.getMessage())
                .with("version", e.version())
                .with("script", e.script())
                .with("sqlState", e.sqlState())
                .with("sqlMessage", e.sqlMessage())
                .toResponse();
    }

    /** The database answered and refused (a permission, a missing table, a login): a retry would not help. */
    @ServerExceptionMapper
    public Response databaseError(DatabaseErrorException e) {
        LOG.error(e.getMessage());
        return problem("database-error", Status.INTERNAL_SERVER_ERROR, e.getMessage())
                .with("sqlState", e.sqlState())
                .toResponse();
    }

    @ServerExceptionMapper
    public Response databaseUnavailable(DatabaseUnavailableException e) {
        Response response = problem("database-unavailable", Status.SERVICE_UNAVAILABLE, e.getMessage()).toResponse();
        response.getHeaders().add("Retry-After", "5");
        return response;
    }

    private static Response challenge(String detail) {
        Response response = Problem.of(Status.UNAUTHORIZED, detail).toResponse();
        response.getHeaders().add("WWW-Authenticate", CHALLENGE);
        return response;
    }

    private static Problem problem(String type, Response.StatusType status, String detail) {
        return new Problem(TYPE + type, status.getReasonPhrase(), status.getStatusCode(), detail, Map.of());
    }
}
