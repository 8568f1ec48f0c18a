package io.backroom.sdk;

import io.backroom.api.model.HoldCode;
import io.backroom.api.model.InvoiceKind;
import io.backroom.api.model.InvoiceStatus;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Filters and order of {@code GET /api/v1/invoices}.
 *
 * <pre>{@code
 * InvoiceListParams.builder().statuses(InvoiceStatus.ON_HOLD).holdCode(HoldCode.PRICE_VARIANCE)
 *         .dueTo(LocalDate.now().plusDays(7)).sort(InvoiceListParams.Sort.DUE_DATE).limit(200).build();
 * }</pre>
 */
public final class InvoiceListParams extends ListParams {
    private InvoiceListParams(Builder builder) {
        super(builder);
    }

    /** A builder with no filters, ordered by id. */
    public static Builder builder() {
        return new Builder();
    }

    /** Orders of the invoice list; ties are broken by id. */
    public enum Sort {
        /** By id, ascending (the default). */
        ID("id"),
        /** By id, descending. */
        ID_DESC("-id"),
        /** Due soonest first. */
        DUE_DATE("dueDate"),
        /** Due latest first. */
        DUE_DATE_DESC("-dueDate"),
        /** Smallest total first. */
        TOTAL("total"),
        /** Largest total first. */
        TOTAL_DESC("-total"),
        /** Oldest invoice date first. */
        INVOICE_DATE("invoiceDate"),
        /** Newest invoice date first. */
        INVOICE_DATE_DESC("-invoiceDate"),
        /** In order of arrival. */
        CREATED_AT("createdAt"),
        /** Latest arrivals first. */
        CREATED_AT_DESC("-createdAt");

        private final String wire;

        Sort(String wire) {
            this.wire = wire;
        }

        /** The value sent as {@code sort}. */
        public String wire() {
            return wire;
        }

        @Override
        public String toString() {
            return wire;
        }
    }

    /** Builder of {@link InvoiceListParams}. */
    public static final class Builder extends ListParams.Builder<InvoiceListParams, Builder> {
        private Builder() {
        }

        /** Only invoices in one of these statuses. */
        public Builder statuses(InvoiceStatus... statuses) {
            if (statuses.length == 0) {
                return put("status", null);
            }
            return put("status", Arrays.stream(statuses).map(s -> Objects.requireNonNull(s, "status").name())
                    .distinct().collect(Collectors.joining(",")));
        }

        /** Only invoices with an open hold of this code. */
        public Builder holdCode(HoldCode holdCode) {
            return put("holdCode", holdCode);
        }

        /** Only invoices of this supplier. */
        public Builder supplierId(String supplierId) {
            return put("supplierId", supplierId);
        }

        /** Only invoices for this store. */
        public Builder storeId(String storeId) {
            return put("storeId", storeId);
        }

        /** Only invoices or only credit notes. */
        public Builder kind(InvoiceKind kind) {
            return put("kind", kind);
        }

        /** Only invoices whose total is at least this. */
        public Builder minTotal(BigDecimal minTotal) {
            return put("minTotal", minTotal);
        }

        /** Only invoices whose total is at most this. */
        public Builder maxTotal(BigDecimal maxTotal) {
            return put("maxTotal", maxTotal);
        }

        /** Only invoices due on or after this day. */
        public Builder dueFrom(LocalDate dueFrom) {
            return put("dueFrom", dueFrom);
        }

        /** Only invoices due on or before this day. */
        public Builder dueTo(LocalDate dueTo) {
            return put("dueTo", dueTo);
        }

        /** The order; by id when not set. */
        public Builder sort(Sort sort) {
            return put("sort", sort == null ? null : sort.wire());
        }

        @Override
        public InvoiceListParams build() {
            return new InvoiceListParams(this);
        }
    }
}
