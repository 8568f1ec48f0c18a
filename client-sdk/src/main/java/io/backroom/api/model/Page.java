package io.backroom.api.model;

import java.util.List;

/**
 * One page of a list. {@code nextCursor} is opaque; pass it back as {@code cursor} to get the next page. It is
 * {@code null} on the last page.
 */
public record Page<T>(List<T> items, String nextCursor) {
    public Page {
        items = items == null ? List.of() : List.copyOf(items);
    }

    /** Whether another page follows. */
    public boolean hasNext() {
        return nextCursor != null;
    }
}
