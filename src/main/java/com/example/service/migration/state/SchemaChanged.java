package com.example.service.migration.state;

/** CDI event fired after any schema change made by this process, so cached state is re-read at once. */
public record SchemaChanged(String reason) {
}
