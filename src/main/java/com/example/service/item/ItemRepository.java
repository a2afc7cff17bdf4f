package com.example.service.item;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;

import jakarta.enterprise.context.ApplicationScoped;

import com.example.service.config.DatabaseConfig;
import com.example.service.database.DatabaseUnavailableException;
import com.example.service.database.SqlStates;

import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/** The item table through the reactive client: prepared queries only, never blocking. */
@ApplicationScoped
public class ItemRepository {

    private static final String COLUMNS = "id, name, description, created_at, updated_at";

    private final Pool pool;
    private final Duration timeout;

    ItemRepository(Pool pool, DatabaseConfig config) {
        this.pool = pool;
        this.timeout = config.queryTimeout();
    }

    public Uni<Item> insert(ItemInput input) {
        return execute("INSERT INTO item (name, description) VALUES ($1, $2) RETURNING " + COLUMNS,
                Tuple.of(input.name(), input.description()))
                .map(rows -> Item.from(rows.iterator().next()));
    }

    public Uni<Optional<Item>> find(long id) {
        return execute("SELECT " + COLUMNS + " FROM item WHERE id = $1", Tuple.of(id))
                .map(ItemRepository::first);
    }

    public Uni<List<Item>> page(int limit, long offset) {
        return execute("SELECT " + COLUMNS + " FROM item ORDER BY id LIMIT $1 OFFSET $2", Tuple.of(limit, offset))
                .map(rows -> StreamSupport.stream(rows.spliterator(), false).map(Item::from).toList());
    }

    public Uni<Long> count() {
        return execute("SELECT count(*) FROM item", Tuple.tuple())
                .map(rows -> rows.iterator().next().getLong(0));
    }

    public Uni<Optional<Item>> update(long id, ItemInput input) {
        return execute("UPDATE item SET name = $2, description = $3, updated_at = now() WHERE id = $1 RETURNING " + COLUMNS,
                Tuple.of(id, input.name(), input.description()))
                .map(ItemRepository::first);
    }

    public Uni<Boolean> delete(long id) {
        return execute("DELETE FROM item WHERE id = $1", Tuple.of(id))
                .map(rows -> rows.rowCount() == 1);
    }

    /**
     * Every query goes through here, so that losing the database reads the same from every method:
     * the request cannot be served now but may be retried (503), unlike a query the database rejected
     * (a bug, 500). Giving up on a query that is slow does not leak its connection: the pool takes it
     * back when the query ends.
     */
    private Uni<RowSet<Row>> execute(String sql, Tuple parameters) {
        return pool.preparedQuery(sql).execute(parameters)
                .ifNoItem().after(timeout).failWith(() -> new DatabaseUnavailableException(
                        "no answer from the database within " + timeout.toMillis() + " ms (DB_QUERY_TIMEOUT)", null, true))
                .onFailure(ItemRepository::isConnectionFailure)
                .transform(e -> new DatabaseUnavailableException("the database is not reachable: " + e.getMessage(), e, false));
    }

    /**
     * True for the client's connection failures: refused, reset or timed-out connects, a connection
     * closed under a query, and the server's own "cannot serve now" states ({@link SqlStates#unreachable}).
     */
    static boolean isConnectionFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof IOException || t instanceof ClosedConnectionException) {
                return true;
            }
            if (t instanceof PgException pg && pg.getSqlState() != null) {
                return SqlStates.unreachable(pg.getSqlState());
            }
        }
        return false;
    }

    private static Optional<Item> first(RowSet<Row> rows) {
        var iterator = rows.iterator();
        return iterator.hasNext() ? Optional.of(Item.from(iterator.next())) : Optional.empty();
    }
}
