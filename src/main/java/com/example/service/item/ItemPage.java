package com.example.service.item;

import java.util.List;

/**
 * One page of items, ordered by id.
 *
 * @param items  the page
 * @param limit  the page size asked for
 * @param offset how many items precede the page
 * @param total  how many items exist
 */
public record ItemPage(List<Item> items, int limit, long offset, long total) {
}
