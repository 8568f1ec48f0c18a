package io.backroom.sampledata.generator;

import io.backroom.sampledata.io.DatasetWriter;
import io.backroom.sampledata.model.IntegrationFlow;
import io.backroom.sampledata.model.IntegrationMessage;
import io.backroom.sampledata.model.MessageStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

/**
 * Produces middleware messages for business events: mostly delivered within a second or two, some failing
 * transiently and retried, a few dead-lettered, with outage windows per flow and messages still failing on the
 * as-of date. Each caller passes its own {@link Rng} so the draws stay deterministic per generator part.
 */
final class IntegrationTraffic {
    private record FlowSpec(String source, String target, String messageType, double failureRate, int bytes,
            List<String[]> errors) {
    }

    private static final List<String[]> HTTP_ERRORS = List.of(
            new String[] {"HTTP_503", "Service Unavailable from ERP endpoint /erp/api/inbound"},
            new String[] {"TIMEOUT", "Read timed out after 30000 ms"},
            new String[] {"HTTP_429", "Too Many Requests: ERP inbound quota exceeded"});

    private final DatasetWriter.Sink<IntegrationMessage> sink;
    private final Instant asOfStart;
    private long sequence;

    IntegrationTraffic(DatasetWriter.Sink<IntegrationMessage> sink, LocalDate asOf) {
        this.sink = sink;
        this.asOfStart = asOf.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static FlowSpec spec(IntegrationFlow flow) {
        return switch (flow) {
            case POS_SALES_TO_ERP -> new FlowSpec("POS", "ERP", "SalesJournalBatch", 0.012, 180_000,
                    List.of(new String[] {"VALIDATION", "Store journal rejected: tender total does not balance"},
                            new String[] {"HTTP_503", "Service Unavailable from ERP endpoint /erp/api/sales"},
                            new String[] {"DUPLICATE_KEY", "Batch already posted for store and business date"}));
            case WMS_RECEIPTS_TO_ERP -> new FlowSpec("WMS", "ERP", "GoodsReceiptNotice", 0.02, 2_400,
                    List.of(new String[] {"VALIDATION", "Unknown PO line referenced by receipt"},
                            new String[] {"LOCKED", "PO is locked by another user in ERP"},
                            HTTP_ERRORS.get(1)));
            case ERP_PO_TO_SUPPLIER_PORTAL -> new FlowSpec("ERP", "SUPPLIER_PORTAL", "PurchaseOrder", 0.015, 5_200,
                    List.of(new String[] {"AUTH", "401 Unauthorized: supplier portal certificate expired"},
                            new String[] {"MAPPING", "No portal account mapped for supplier"},
                            HTTP_ERRORS.get(1)));
            case SUPPLIER_PORTAL_CONFIRMATIONS_TO_ERP -> new FlowSpec("SUPPLIER_PORTAL", "ERP", "OrderConfirmation",
                    0.01, 1_900, List.of(new String[] {"VALIDATION", "Confirmed quantity exceeds ordered quantity"},
                            HTTP_ERRORS.get(0)));
            case SUPPLIER_PORTAL_INVOICES_TO_ERP -> new FlowSpec("SUPPLIER_PORTAL", "ERP", "SupplierInvoice", 0.025,
                    7_800, List.of(new String[] {"SCHEMA", "cvc-complex-type.2.4.a: Invalid content at element 'TaxTotal'"},
                            new String[] {"VALIDATION", "Invoice currency does not match supplier master data"},
                            HTTP_ERRORS.get(0), HTTP_ERRORS.get(2)));
            case ERP_PRICES_TO_POS -> new FlowSpec("ERP", "POS", "PriceUpdate", 0.008, 42_000,
                    List.of(new String[] {"HTTP_502", "Bad Gateway from store server"},
                            HTTP_ERRORS.get(1)));
        };
    }

    /** Whether the flow suffers an outage at {@code t}: a few fixed, seed-independent windows. */
    private boolean inOutage(IntegrationFlow flow, Instant t) {
        long days = Duration.between(t, asOfStart).toDays();
        int hour = t.atZone(ZoneOffset.UTC).getHour();
        return switch (flow) {
            case SUPPLIER_PORTAL_INVOICES_TO_ERP -> days == 9 && hour >= 9 && hour < 13 || days == 0 && hour >= 15;
            case WMS_RECEIPTS_TO_ERP -> days == 23 && hour >= 14 && hour < 17;
            case POS_SALES_TO_ERP -> days == 2 && hour >= 1 && hour < 4;
            default -> false;
        };
    }

    /** Emits the message of one business event created at {@code createdAt}. */
    void emit(IntegrationFlow flow, String businessKey, Instant createdAt, Rng r) {
        if (!createdAt.isBefore(asOfStart)) {
            return;
        }
        FlowSpec spec = spec(flow);
        boolean outage = inOutage(flow, createdAt);
        double failure = outage ? 0.85 : spec.failureRate();
        int attempts = 1;
        MessageStatus status = MessageStatus.DELIVERED;
        String[] error = null;
        long latency = (long) r.logNormal(350, 0.7);
        if (r.chance(failure)) {
            error = outage ? spec.errors().get(0) : r.pick(spec.errors());
            boolean permanent = !outage && (error[0].equals("VALIDATION") || error[0].equals("SCHEMA")
                    || error[0].equals("MAPPING") || error[0].equals("DUPLICATE_KEY"));
            if (permanent && r.chance(0.7)) {
                attempts = r.between(1, 5);
                status = MessageStatus.DEAD_LETTER;
            } else {
                attempts = r.between(2, 6);
                latency += (long) (attempts * r.logNormal(outage ? 900_000 : 60_000, 0.6));
            }
        }
        Instant lastAttempt = createdAt.plusMillis(latency);
        if (status == MessageStatus.DELIVERED && !lastAttempt.isBefore(asOfStart)) {
            status = r.chance(0.5) ? MessageStatus.RETRYING : MessageStatus.FAILED;
            lastAttempt = beforeAsOf(createdAt, r);
            error = error == null ? spec.errors().get(0) : error;
        }
        if (status == MessageStatus.DELIVERED && error != null
                && Duration.between(createdAt, asOfStart).toHours() < (outage ? 12 : 6) && r.chance(0.6)) {
            status = r.chance(0.7) ? MessageStatus.RETRYING : MessageStatus.FAILED;
            lastAttempt = beforeAsOf(createdAt, r);
        }
        boolean delivered = status == MessageStatus.DELIVERED;
        if (status == MessageStatus.DEAD_LETTER) {
            lastAttempt = createdAt.plusMillis((long) (attempts * r.logNormal(30_000, 0.5)));
            if (!lastAttempt.isBefore(asOfStart)) {
                lastAttempt = beforeAsOf(createdAt, r);
            }
        }
        sequence++;
        sink.write(new IntegrationMessage(String.format(Locale.ROOT, "MSG-%s-%08d", flowCode(flow), sequence), flow,
                spec.source(), spec.target(), spec.messageType(), businessKey, createdAt, status, attempts,
                lastAttempt, delivered ? latency : null, delivered && attempts == 1 ? null : error[0],
                delivered && attempts == 1 ? null : error[1], (int) (spec.bytes() * r.uniform(0.5, 1.6))));
    }

    /** A moment between {@code createdAt} and the as-of instant. */
    private Instant beforeAsOf(Instant createdAt, Rng r) {
        long span = Duration.between(createdAt, asOfStart).toMillis();
        return createdAt.plusMillis((long) (span * r.uniform(0.3, 0.95)));
    }

    private static String flowCode(IntegrationFlow flow) {
        return switch (flow) {
            case POS_SALES_TO_ERP -> "POS";
            case WMS_RECEIPTS_TO_ERP -> "WMS";
            case ERP_PO_TO_SUPPLIER_PORTAL -> "POO";
            case SUPPLIER_PORTAL_CONFIRMATIONS_TO_ERP -> "CNF";
            case SUPPLIER_PORTAL_INVOICES_TO_ERP -> "INV";
            case ERP_PRICES_TO_POS -> "PRC";
        };
    }
}
