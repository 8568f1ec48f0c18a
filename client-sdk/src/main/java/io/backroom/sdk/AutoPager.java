package io.backroom.sdk;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Every item of a listing, from a first page on, fetching each following page only when iteration
 * reaches it. Both an {@link Iterable} (each {@link #iterator()} starts again from the first page,
 * re-fetching later pages) and a {@link #stream()}. Failures surface as the SDK's exceptions from
 * {@code hasNext()}/{@code next()}.
 *
 * @param <T> the item type
 */
public final class AutoPager<T> implements Iterable<T> {
    private final Page<T> first;

    AutoPager(Page<T> first) {
        this.first = first;
    }

    @Override
    public Iterator<T> iterator() {
        return new PagingIterator<>(first);
    }

    /** A sequential, lazy stream of all items. */
    public Stream<T> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(),
                Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    private static final class PagingIterator<T> implements Iterator<T> {
        private Page<T> page;
        private int index;

        PagingIterator(Page<T> page) {
            this.page = page;
        }

        @Override
        public boolean hasNext() {
            while (index >= page.items().size()) {
                if (!page.hasNextPage()) {
                    return false;
                }
                page = page.nextPage();
                index = 0;
            }
            return true;
        }

        @Override
        public T next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return page.items().get(index++);
        }
    }
}
