package io.backroom.ml.priority;

import com.fasterxml.jackson.databind.JsonNode;
import io.backroom.ml.data.DatasetDir;
import io.backroom.ml.exceptions.MatchFacts;
import io.backroom.ml.explain.Reason;
import io.backroom.ml.explain.Reasons;
import io.backroom.ml.tribuo.ArtefactSource;
import io.backroom.ml.tribuo.Digests;
import io.backroom.ml.tribuo.ModelArtefactException;
import io.backroom.ml.tribuo.ModelFiles;
import io.backroom.ml.tribuo.TribuoLogging;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.xgboost.XGBoostRegressionTrainer;

/**
 * Orders the exception queue by the expected value of acting now. A Tribuo XGBoost regression,
 * learned from the resolved history, estimates the probability that acting recovers the money at
 * risk (a credit memo or a rejection); the final score is the documented blend
 *
 * <pre>
 * score = C x (p x M x w_due + D x 1/(1 + d_disc) + 0.01 x T x 1/(1 + d_due) + 0.05 x p x M x min(2, age / SLA))
 * </pre>
 *
 * with M the money at risk, p the learned recovery probability, w_due = 1 / (1 + max(0, d_due) / 7)
 * the deadline weight of {@link QueueValue} (money recovered before the invoice is paid is worth
 * more now), D the early-payment discount still available (T x discount %, zero once the deadline
 * passed), d_disc the days left to the discount deadline, T the invoice total, d_due the days to the
 * due date, age the days since the hold, SLA = 5 days (an old hold counts for the money acting would
 * recover, not for all the money at risk), and C = 1 + min(1, 10 x the supplier's share of spend)
 * the supplier criticality.
 */
public final class Prioritizer {
    /** Model name, also its directory under {@code ml-models/models/}. */
    public static final String NAME = "prioritizer";
    /** Model version. */
    public static final String VERSION = "1.0";
    static final String FILE = "recovery.tribuo";
    static final double SLA_DAYS = 5;
    static final List<String> CODES = List.of("PRICE_VARIANCE", "QUANTITY_OVER_RECEIPT", "MISSING_RECEIPT", "DUPLICATE_INVOICE",
            "UNPLANNED_CHARGE", "TAX_MISMATCH", "UNKNOWN_PO", "CLOSED_PO", "SUPPLIER_BLOCKED");
    private static final OffsetDateTime FIXED_TIME = OffsetDateTime.ofInstant(Instant.EPOCH, ZoneOffset.UTC);

    private final Model<Regressor> model;
    private String digest;

    private Prioritizer(Model<Regressor> model) {
        this.model = model;
    }

    /** The learned model's input features (match facts, money at risk, hold codes; never a decision or label). */
    public static List<String> featureNames() {
        List<String> names = new ArrayList<>(MatchFacts.names());
        names.add("log_amount_at_risk");
        CODES.forEach(c -> names.add("code_" + c));
        return names;
    }

    private static final String[] NAMES = featureNames().toArray(String[]::new);

    /** The resolved history of a data set as queue items with the human decision. */
    record Resolved(QueueItem item, String decision) {
    }

    static List<Resolved> history(DatasetDir data) {
        List<Resolved> out = new ArrayList<>();
        data.forEach("exception-history", h -> out.add(new Resolved(item(h), h.path("decision").asText(""))));
        return out;
    }

    /** A queue item from an exception record (the exception-history / Ops API shape). */
    public static QueueItem item(JsonNode h) {
        List<String> codes = new ArrayList<>();
        h.path("codes").forEach(c -> codes.add(c.asText()));
        return new QueueItem(h.path("id").asText(), h.path("invoiceId").asText(), codes,
                h.hasNonNull("heldAt") ? Instant.parse(h.path("heldAt").asText()) : Instant.EPOCH,
                new BigDecimal(h.path("amountAtRisk").asText("0")), h.path("currency").asText(""));
    }

    static boolean recovers(String decision) {
        return "REQUEST_CREDIT_MEMO".equals(decision) || "REJECT".equals(decision);
    }

    /** Learns the recovery probability from a data set's resolved exception history. */
    public static Prioritizer train(DatasetDir data, long seed) {
        TribuoLogging.quiet();
        MatchFacts facts = MatchFacts.of(data);
        RegressionFactory factory = new RegressionFactory();
        MutableDataset<Regressor> ds = new MutableDataset<>(new SimpleDataSourceProvenance("resolved exception history", FIXED_TIME, factory), factory);
        for (Resolved r : history(data)) {
            JsonNode inv = facts.invoice(r.item().invoiceId());
            if (inv == null) {
                continue;
            }
            ds.add(new ArrayExample<>(new Regressor("recovered", recovers(r.decision()) ? 1.0 : 0.0), NAMES, features(r.item(), inv, facts)));
        }
        if (ds.size() < 20) {
            throw new IllegalArgumentException("only " + ds.size() + " resolved exceptions to learn from; at least 20 are needed");
        }
        XGBoostRegressionTrainer trainer = new XGBoostRegressionTrainer(XGBoostRegressionTrainer.RegressionType.LINEAR,
                100, 0.15, 0.0, 4, 1.0, 0.9, 0.9, 1.0, 0.0, 1, true, seed);
        return new Prioritizer(trainer.train(ds));
    }

    static double[] features(QueueItem item, JsonNode invoice, MatchFacts facts) {
        double[] f = facts.facts(invoice);
        double[] out = java.util.Arrays.copyOf(f, f.length + 1 + CODES.size());
        out[f.length] = Math.log1p(Math.abs(item.amountAtRisk().doubleValue()));
        for (int i = 0; i < CODES.size(); i++) {
            out[f.length + 1 + i] = item.codes().contains(CODES.get(i)) ? 1 : 0;
        }
        return out;
    }

    /** Scores and orders a queue as of {@code today}; items whose invoice is unknown are scored on money at risk alone. */
    public List<PriorityScore> prioritize(List<QueueItem> queue, MatchFacts facts, LocalDate today) {
        List<org.tribuo.Example<Regressor>> examples = new ArrayList<>();
        List<double[]> featureRows = new ArrayList<>();
        for (QueueItem item : queue) {
            JsonNode inv = facts.invoice(item.invoiceId());
            double[] f = inv == null ? null : features(item, inv, facts);
            featureRows.add(f);
            if (f != null) {
                examples.add(new ArrayExample<>(RegressionFactory.UNKNOWN_REGRESSOR, NAMES, f));
            }
        }
        List<org.tribuo.Prediction<Regressor>> predictions = examples.isEmpty() ? List.of() : model.predict(examples);
        List<PriorityScore> scored = new ArrayList<>();
        int next = 0;
        for (int i = 0; i < queue.size(); i++) {
            double[] f = featureRows.get(i);
            double p = f == null ? 0.5 : Math.max(0, Math.min(1, predictions.get(next++).getOutput().getValues()[0]));
            scored.add(score(queue.get(i), facts, today, f, p));
        }
        scored.sort(Comparator.comparingDouble(PriorityScore::score).reversed().thenComparing(PriorityScore::id));
        List<PriorityScore> ranked = new ArrayList<>();
        for (int i = 0; i < scored.size(); i++) {
            PriorityScore s = scored.get(i);
            ranked.add(new PriorityScore(s.id(), i + 1, s.score(), s.expectedRecovery(), s.discountValue(), s.dueValue(), s.ageValue(),
                    s.criticality(), s.reasons(), s.model(), s.provenanceHash()));
        }
        return ranked;
    }

    private PriorityScore score(QueueItem item, MatchFacts facts, LocalDate today, double[] features, double p) {
        JsonNode inv = facts.invoice(item.invoiceId());
        double money = Math.abs(item.amountAtRisk().doubleValue());
        double discount = 0;
        double due = 0;
        double criticality = 1;
        double total = money;
        long daysToDiscount = -1;
        long daysToDue = Long.MAX_VALUE;
        LocalDate dueDate = null;
        if (inv != null) {
            total = Math.abs(inv.path("total").asDouble());
            LocalDate invoiceDate = LocalDate.parse(inv.path("invoiceDate").asText());
            JsonNode terms = inv.path("paymentTerms");
            double pct = terms.path("discountPercent").asDouble(0);
            int days = terms.path("discountDays").asInt(0);
            if (pct > 0 && days > 0) {
                daysToDiscount = ChronoUnit.DAYS.between(today, invoiceDate.plusDays(days));
                if (daysToDiscount >= 0) {
                    discount = total * pct / 100 / (1 + daysToDiscount);
                }
            }
            if (inv.hasNonNull("dueDate")) {
                dueDate = LocalDate.parse(inv.path("dueDate").asText());
                daysToDue = ChronoUnit.DAYS.between(today, dueDate);
                due = 0.01 * total / (1 + Math.max(0, daysToDue));
            }
            criticality = 1 + Math.min(1, 10 * facts.spendShare(inv.path("supplierId").asText()));
        }
        double ageDays = Math.max(0, ChronoUnit.HOURS.between(item.heldAt(), today.atStartOfDay().toInstant(ZoneOffset.UTC)) / 24.0);
        double age = 0.05 * p * money * Math.min(2, ageDays / SLA_DAYS);
        double deadline = QueueValue.deadlineWeight(today, dueDate);
        double recovery = p * money * deadline;
        double score = criticality * (recovery + discount + due + age);
        List<Reason> reasons = new ArrayList<>();
        reasons.add(new Reason("recovery", String.format(Locale.ROOT,
                "%.2f %s at risk, %.0f%% likely to be recovered by acting (learned from past decisions), counted x%.2f for the payment deadline",
                money, item.currency(), p * 100, deadline), recovery));
        if (daysToDiscount >= 0) {
            reasons.add(new Reason("discount", String.format(Locale.ROOT, "early-payment discount of %.2f expires in %d days",
                    discount * (1 + daysToDiscount), daysToDiscount), discount));
        }
        if (daysToDue != Long.MAX_VALUE) {
            reasons.add(new Reason("due", daysToDue < 0 ? String.format(Locale.ROOT, "payment is %d days overdue", -daysToDue)
                    : String.format(Locale.ROOT, "due in %d days", daysToDue), due));
        }
        reasons.add(new Reason("age", String.format(Locale.ROOT, "held for %.1f days (SLA %d days)", ageDays, (long) SLA_DAYS), age));
        if (criticality > 1.05) {
            reasons.add(new Reason("criticality", String.format(Locale.ROOT, "key supplier: weight x%.2f for its share of spend", criticality),
                    (criticality - 1) * recovery));
        }
        StringBuilder input = new StringBuilder(item.id()).append(',').append(today).append(',').append(money);
        if (features != null) {
            for (double v : features) {
                input.append(',').append(v);
            }
        }
        return new PriorityScore(item.id(), 0, score, recovery, discount, due, age, criticality, Reasons.top(reasons),
                NAME + " " + VERSION, Digests.provenanceHash(digest(), input.toString()));
    }

    /**
     * Held-out evaluation on a data set's exception history with ground-truth resolutions: the
     * share of the recoverable money at risk (money of items whose correct resolution is a credit
     * memo or a rejection) found in the first 20 % of the queue, for this model, FIFO and
     * largest-amount-first; and the share of the oracle order's value ({@link QueueValue}: recoverable money weighted by
     * the payment deadline) each of the three captures in its first 20 %.
     */
    public Map<String, Double> evaluate(DatasetDir heldOut) {
        MatchFacts facts = MatchFacts.of(heldOut);
        Map<String, String> truth = new LinkedHashMap<>();
        heldOut.forEach("labels/invoice-labels", l -> truth.put(l.path("invoiceId").asText(), l.path("resolution").asText()));
        List<QueueItem> queue = history(heldOut).stream().map(Resolved::item).toList();
        Map<String, Double> value = new LinkedHashMap<>();
        for (QueueItem q : queue) {
            value.put(q.id(), recovers(truth.get(q.invoiceId())) ? Math.abs(q.amountAtRisk().doubleValue()) : 0.0);
        }
        List<String> ours = prioritize(queue, facts, facts.asOf()).stream().map(PriorityScore::id).toList();
        List<String> fifo = queue.stream().sorted(Comparator.comparing(QueueItem::heldAt).thenComparing(QueueItem::id)).map(QueueItem::id).toList();
        List<String> largest = queue.stream().sorted(Comparator.comparing((QueueItem q) -> q.amountAtRisk().abs()).reversed()
                .thenComparing(QueueItem::id)).map(QueueItem::id).toList();
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("queue_items", (double) queue.size());
        m.put("recoverable_share_top20", shareInTop(ours, value, 0.2));
        m.put("fifo_recoverable_share_top20", shareInTop(fifo, value, 0.2));
        m.put("largest_first_recoverable_share_top20", shareInTop(largest, value, 0.2));
        double fifoShare = m.get("fifo_recoverable_share_top20");
        m.put("ratio_vs_fifo", fifoShare == 0 ? Double.NaN : m.get("recoverable_share_top20") / fifoShare);
        Map<String, Double> deadlineValue = new LinkedHashMap<>();
        for (QueueItem q : queue) {
            JsonNode inv = facts.invoice(q.invoiceId());
            LocalDate due = inv == null || !inv.hasNonNull("dueDate") ? null : LocalDate.parse(inv.path("dueDate").asText());
            deadlineValue.put(q.id(), QueueValue.of(value.get(q.id()), facts.asOf(), due));
        }
        m.put("oracle_value_share_top20", QueueValue.oracleShare(ours, deadlineValue, 0.2));
        m.put("fifo_oracle_value_share_top20", QueueValue.oracleShare(fifo, deadlineValue, 0.2));
        m.put("largest_first_oracle_value_share_top20", QueueValue.oracleShare(largest, deadlineValue, 0.2));
        return m;
    }

    static double shareInTop(List<String> order, Map<String, Double> value, double fraction) {
        double total = value.values().stream().mapToDouble(Double::doubleValue).sum();
        int k = (int) Math.ceil(order.size() * fraction);
        double top = 0;
        for (int i = 0; i < k && i < order.size(); i++) {
            top += value.getOrDefault(order.get(i), 0.0);
        }
        return total == 0 ? 0 : top / total;
    }

    /** SHA-256 of the model. */
    public synchronized String digest() {
        if (digest == null) {
            digest = HexFormat.of().formatHex(Digests.sha256().digest(model.serialize().toByteArray()));
        }
        return digest;
    }

    /** Saves the Tribuo model into a directory. */
    public void save(java.nio.file.Path dir) throws IOException {
        ModelFiles.save(model, dir.resolve(FILE));
    }

    /** Loads a saved prioritiser. */
    public static Prioritizer load(ArtefactSource source) {
        try (InputStream in = source.open(FILE)) {
            return new Prioritizer(ModelFiles.load(in, source.describe() + "/" + FILE, Regressor.class, source.regenerate()));
        } catch (IOException e) {
            throw new ModelArtefactException("Model file " + source.describe() + "/" + FILE + " cannot be read. Regenerate it with: "
                    + source.regenerate(), e);
        }
    }
}
