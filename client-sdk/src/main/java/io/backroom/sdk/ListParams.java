package io.backroom.sdk;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Filters and page size of a list call. Each resource has its subclass with typed filters
 * ({@link InvoiceListParams}, ...); all are immutable and built with a builder. The cursor is not a
 * parameter: {@link Page#nextPage()} and {@link Page#autoPager()} carry it.
 */
public abstract class ListParams {
    /** Largest page the gateway serves. */
    public static final int MAX_LIMIT = 500;

    private final Map<String, String> query;

    /** Params holding what {@code builder} collected. */
    protected ListParams(Builder<?, ?> builder) {
        this.query = Collections.unmodifiableMap(new LinkedHashMap<>(builder.query));
    }

    /** The page size asked for; the gateway's default (50) when empty. */
    public OptionalInt limit() {
        String limit = query.get("limit");
        return limit == null ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(limit));
    }

    /** The query parameters these params send, by name. */
    public Map<String, String> query() {
        return query;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + query;
    }

    /**
     * Builder base of the list params.
     *
     * @param <P> the params type
     * @param <B> the concrete builder type
     */
    public abstract static class Builder<P extends ListParams, B extends Builder<P, B>> {
        private final Map<String, String> query = new LinkedHashMap<>();

        /** A builder with no filters. */
        protected Builder() {
        }

        /** Items per page, 1 to {@value ListParams#MAX_LIMIT}. */
        public B limit(int limit) {
            if (limit < 1 || limit > MAX_LIMIT) {
                throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
            }
            return put("limit", String.valueOf(limit));
        }

        /** Sets (or, with {@code null}, removes) a query parameter. */
        protected B put(String name, Object value) {
            Objects.requireNonNull(name, "name");
            if (value == null) {
                query.remove(name);
            } else if (value instanceof LocalDate date) {
                query.put(name, date.toString());
            } else if (value instanceof java.math.BigDecimal decimal) {
                query.put(name, decimal.toPlainString());
            } else {
                query.put(name, value.toString());
            }
            return self();
        }

        /** This builder, typed. */
        @SuppressWarnings("unchecked")
        protected B self() {
            return (B) this;
        }

        /** The params. */
        public abstract P build();
    }
}
