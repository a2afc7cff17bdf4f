package com.example.service.item;

import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/** The item table through the reactive client: prepared queries only, never blocking. */
@ApplicationScoped
public class ItemRepository {

    private static final String COLUMNS = "id, name, description, created_at, updated_at";

    private final Pool pool;

    ItemRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<Item> insert(ItemInput input) {
        return pool.preparedQuery("INSERT INTO item (name, description) VALUES ($1, $2) RETURNING " + COLUMNS)
                .execute(Tuple.of(input.name(), input.description()))
                .map(rows -> Item.from(rows.iterator().next()));
    }

    public Uni<Optional<Item>> find(long id) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM item WHERE id = $1")
                .execute(Tuple.of(id))
                .map(ItemRepository::first);
    }

    public Uni<List<Item>> page(int limit, long offset) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM item ORDER BY id LIMIT $1 OFFSET $2")
                .execute(Tuple.of(limit, offset))
                .map(rows -> StreamSupport.stream(rows.spliterator(), false).map(Item::from).toList());
    }

    public Uni<Long> count() {
        return pool.preparedQuery("SELECT count(*) FROM item").execute()
                .map(rows -> rows.iterator().next().getLong(0));
    }

    public Uni<Optional<Item>> update(long id, ItemInput input) {
        return pool.preparedQuery("UPDATE item SET name = $2, description = $3, updated_at = now() WHERE id = $1 RETURNING " + COLUMNS)
                .execute(Tuple.of(id, input.name(), input.description()))
                .map(ItemRepository::first);
    }

    public Uni<Boolean> delete(long id) {
        return pool.preparedQuery("DELETE FROM item WHERE id = $1").execute(Tuple.of(id))
                .map(rows -> rows.rowCount() == 1);
    }

    private static Optional<Item> first(RowSet<Row> rows) {
        var iterator = rows.iterator();
        return iterator.hasNext() ? Optional.of(Item.from(iterator.next())) : Optional.empty();
    }
}
