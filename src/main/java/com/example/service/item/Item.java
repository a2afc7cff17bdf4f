package com.example.service.item;

import java.time.OffsetDateTime;

import io.vertx.mutiny.sqlclient.Row;

/**
 * An item as the API returns it.
 *
 * @param id          server-assigned
 * @param name        1–200 characters
 * @param description optional free text
 * @param createdAt   when it was created (UTC)
 * @param updatedAt   when it last changed (UTC)
 */
public record Item(long id, String name, String description, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    static Item from(Row row) {
        return new Item(row.getLong("id"), row.getString("name"), row.getString("description"),
                row.getOffsetDateTime("created_at"), row.getOffsetDateTime("updated_at"));
    }
}
