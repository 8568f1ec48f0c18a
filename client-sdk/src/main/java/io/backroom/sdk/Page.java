package io.backroom.sdk;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One page of a cursor-paginated listing. {@link #nextPage()} fetches the following page;
 * {@link #autoPager()} walks this page and all following ones lazily, as an {@code Iterable} or a
 * {@code Stream}.
 *
 * <pre>{@code
 * Page<InvoiceSummary> page = client.invoices().list(InvoiceListParams.builder().limit(100).build());
 * for (InvoiceSummary invoice : page.autoPager()) { ... }
 * }</pre>
 *
 * @param <T> the item type
 */
public final class Page<T> {
    private final List<T> items;
    private final String nextCursor;
    private final Function<String, Page<T>> fetchAfter;

    /**
     * @param items      the items of this page
     * @param nextCursor the cursor of the next page, or {@code null} if this is the last page
     * @param fetchAfter fetches the page starting at a cursor (a blocking call)
     */
    public Page(List<T> items, String nextCursor, Function<String, Page<T>> fetchAfter) {
        this.items = List.copyOf(items);
        this.nextCursor = nextCursor == null || nextCursor.isEmpty() ? null : nextCursor;
        this.fetchAfter = Objects.requireNonNull(fetchAfter, "fetchAfter");
    }

    /** The items of this page, unmodifiable. */
    public List<T> items() {
        return items;
    }

    /** The cursor of the next page, empty on the last page. */
    public Optional<String> nextCursor() {
        return Optional.ofNullable(nextCursor);
    }

    /** Whether another page follows. */
    public boolean hasNextPage() {
        return nextCursor != null;
    }

    /**
     * Fetches the next page (a call to the gateway).
     *
     * @throws NoSuchElementException on the last page
     */
    public Page<T> nextPage() {
        if (nextCursor == null) {
            throw new NoSuchElementException("this is the last page; check hasNextPage() first");
        }
        return fetchAfter.apply(nextCursor);
    }

    /** The items of this page and of every following page, fetched as iteration reaches them. */
    public AutoPager<T> autoPager() {
        return new AutoPager<>(this);
    }

    @Override
    public String toString() {
        return "Page[" + items.size() + " items, " + (hasNextPage() ? "more follow" : "last") + "]";
    }
}
