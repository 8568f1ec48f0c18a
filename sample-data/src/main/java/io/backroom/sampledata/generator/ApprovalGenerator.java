package io.backroom.sampledata.generator;

import io.backroom.sampledata.io.DatasetWriter;
import io.backroom.sampledata.model.ApprovalRequest;
import io.backroom.sampledata.model.ApprovalStatus;
import io.backroom.sampledata.model.ApprovalType;
import io.backroom.sampledata.model.Store;
import io.backroom.sampledata.model.User;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

/**
 * Approval requests routed by spend authority: up to {@value #STORE_LIMIT} EUR by the store manager, up to
 * {@value #REGION_LIMIT} EUR by the regional manager, above that by a director. Requests submitted in the last
 * days before the as-of date are still pending.
 */
final class ApprovalGenerator {
    static final int STORE_LIMIT = 2_500;
    static final int REGION_LIMIT = 25_000;
    /** Replenishment orders above this amount (EUR) need an approval. */
    static final int REPLENISHMENT_THRESHOLD = 1_500;
    /** Store expenses above this amount (EUR) need an approval. */
    static final int EXPENSE_THRESHOLD = 500;

    private final Retailer retailer;
    private final DatasetWriter.Sink<ApprovalRequest> sink;
    private final Instant asOfStart;
    private long sequence;

    ApprovalGenerator(Retailer retailer, DatasetWriter.Sink<ApprovalRequest> sink, LocalDate asOf) {
        this.retailer = retailer;
        this.sink = sink;
        this.asOfStart = asOf.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** Converts an amount in {@code currency} to EUR at the generator's fixed rates. */
    static BigDecimal toEur(BigDecimal amount, String currency) {
        double fx = switch (currency) {
            case "GBP" -> 1.0 / 0.86;
            case "USD" -> 1.0 / 1.08;
            default -> 1.0;
        };
        return Money.cents(amount.doubleValue() * fx);
    }

    /**
     * Records the approval a request of {@code amountEur} needed, decided by {@code decidedBy} (the PO's order
     * day, the expense's receipt day). Returns whether it was approved; a rejected request never became a document.
     */
    boolean request(ApprovalType type, Store store, String requesterUserId, BigDecimal amountEur, String description,
            String relatedId, Instant decidedBy, Rng r) {
        User approver = approverFor(store, amountEur, r);
        double medianHours = approver.roles().contains(io.backroom.sampledata.model.Role.STORE_MANAGER) ? 4
                : approver.roles().contains(io.backroom.sampledata.model.Role.DIRECTOR) ? 30 : 14;
        Duration cycle = Duration.ofMinutes(Math.max(3, (long) (r.logNormal(medianHours, 0.9) * 60)));
        Instant submitted = decidedBy.minus(cycle);
        boolean pending = !decidedBy.isBefore(asOfStart);
        if (pending) {
            submitted = asOfStart.minus(Duration.ofMinutes(r.between(30, 3 * 24 * 60)));
        }
        ApprovalStatus status = pending ? ApprovalStatus.PENDING
                : r.chance(type == ApprovalType.STOCK_ADJUSTMENT ? 0.12 : 0.07) ? ApprovalStatus.REJECTED
                        : ApprovalStatus.APPROVED;
        String delegatedFrom = null;
        User actual = approver;
        List<User> regional = retailer.regionalManagersByRegion.get(store.regionId());
        if (approver == regional.get(0) && r.chance(0.05) && amountEur.doubleValue() <= 10_000) {
            delegatedFrom = approver.id();
            actual = regional.get(1);
        }
        String comment = switch (status) {
            case PENDING -> null;
            case APPROVED -> r.pick("OK", "Approved", "Fine, go ahead", "Approved - keep an eye on stock levels", "");
            case REJECTED -> r.pick("Stock on hand is sufficient", "Too high for this period, resubmit next week",
                    "Please get a second quote", "Duplicate of an earlier request");
        };
        sequence++;
        sink.write(new ApprovalRequest(String.format(Locale.ROOT, "APR-%07d", sequence), type, store.id(),
                store.regionId(), requesterUserId, amountEur, MasterDataGenerator.BASE_CURRENCY, description, relatedId,
                submitted, status, pending ? (delegatedFrom != null ? actual.id() : approver.id()) : actual.id(),
                delegatedFrom, pending ? null : decidedBy, comment == null || comment.isEmpty() ? null : comment));
        return status != ApprovalStatus.REJECTED;
    }

    private User approverFor(Store store, BigDecimal amountEur, Rng r) {
        double amount = amountEur.doubleValue();
        if (amount <= STORE_LIMIT) {
            return retailer.storeManagerByStore.get(store.id());
        }
        if (amount <= REGION_LIMIT) {
            return retailer.regionalManagersByRegion.get(store.regionId()).get(0);
        }
        return r.pick(retailer.directors);
    }

    /** Stock adjustments (write-offs) requested by store managers over the period. */
    void stockAdjustments(LocalDate from, LocalDate until, Rng r) {
        for (Store store : retailer.stores) {
            Rng sr = r.child(store.id());
            String requester = retailer.storeManagerByStore.get(store.id()).id();
            for (LocalDate d = from; d.isBefore(until.plusDays(2)); d = d.plusDays(7)) {
                int n = sr.poisson(0.6);
                for (int i = 0; i < n; i++) {
                    BigDecimal amount = Money.cents(sr.logNormal(380, 1.0));
                    String reason = sr.pick("Damaged stock write-off", "Expired chilled goods", "Shrink after count",
                            "Water damage in back room", "Recalled product");
                    Instant decided = d.plusDays(sr.between(0, 6)).atStartOfDay(ZoneOffset.UTC).toInstant()
                            .plus(Duration.ofMinutes(sr.between(7 * 60, 19 * 60)));
                    request(ApprovalType.STOCK_ADJUSTMENT, store, requester, amount, reason,
                            "ADJ-" + store.id() + "-" + d.toString().replace("-", "") + "-" + i, decided, sr);
                }
            }
        }
    }
}
