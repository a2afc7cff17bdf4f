package com.example.service.item;

import java.net.URI;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.example.service.database.DatabaseUnavailableException;
import com.example.service.problem.Problem;
import com.example.service.problem.QueryValues;

import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;

/** The sample API: items on the migrated schema, served on the event loop by the reactive client. */
@Path("/api/items")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ItemResource {

    static final int MAX_PAGE = 100;
    private static final Logger LOG = Logger.getLogger(ItemResource.class);

    private final ItemRepository repository;

    ItemResource(ItemRepository repository) {
        this.repository = repository;
    }

    @POST
    public Uni<Response> create(ItemInput input) {
        return repository.insert(ItemInput.checked(input))
                .map(item -> Response.created(URI.create("/api/items/" + item.id())).entity(item).build());
    }

    @GET
    @Path("{id}")
    public Uni<Item> get(@PathParam("id") long id) {
        return repository.find(id).map(found -> found.orElseThrow(() -> notFound(id)));
    }

    /**
     * @param rawLimit  page size, 1 to {@value #MAX_PAGE}; 20 when absent
     * @param rawOffset items to skip, 0 or more; 0 when absent
     */
    @GET
    public Uni<ItemPage> list(@QueryParam("limit") String rawLimit, @QueryParam("offset") String rawOffset) {
        int limit = QueryValues.limit(rawLimit, MAX_PAGE);
        long offset = QueryValues.offset(rawOffset);
        return Uni.combine().all().unis(repository.page(limit, offset), repository.count())
                .with((items, total) -> new ItemPage(items, limit, offset, total));
    }

    @PUT
    @Path("{id}")
    public Uni<Item> replace(@PathParam("id") long id, ItemInput input) {
        return repository.update(id, ItemInput.checked(input)).map(found -> found.orElseThrow(() -> notFound(id)));
    }

    @DELETE
    @Path("{id}")
    public Uni<Response> delete(@PathParam("id") long id) {
        return repository.delete(id).map(deleted -> {
            if (!deleted) {
                throw notFound(id);
            }
            return Response.noContent().build();
        });
    }

    /**
     * Readiness turns DOWN at its next refresh; until then requests reach the client and fail
     * here, one per request, so this logs at debug only (readiness logs the outage once).
     */
    @ServerExceptionMapper
    Response unreachable(DatabaseUnavailableException e) {
        LOG.debug(e.getMessage());
        return Problem.of(Response.Status.SERVICE_UNAVAILABLE, "the database is not reachable; try again later")
                .toRetryableResponse();
    }

    /**
     * The database answered and rejected the query (a permission, a missing column, a refused
     * login): a fault of this deployment, not of the request, and no retry helps. The answer names
     * the SQL state only; the log has PostgreSQL's message.
     */
    @ServerExceptionMapper
    Response rejected(PgException e) {
        LOG.errorf("Query rejected by the database (SQL state %s): %s", e.getSqlState(), e.getErrorMessage());
        return Problem.of(Response.Status.INTERNAL_SERVER_ERROR, "the database rejected the query (SQL state "
                + e.getSqlState() + "); see the service log").with("sqlState", e.getSqlState()).toResponse();
    }

    private static NotFoundException notFound(long id) {
        return new NotFoundException("no item with id " + id);
    }
}
