package io.backroom.ml.priority;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * What working an exception-queue item is worth, defined once for every prioritiser measurement, and the share of the
 * best possible (oracle) value an order of the queue captures in its first part.
 *
 * <p>The value of an item is the money acting on it recovers, weighted by how close its payment deadline is:
 *
 * <pre>
 * value = R x 1 / (1 + max(0, d_due) / 7)
 * </pre>
 *
 * with R the recoverable money at risk (the item's money at risk when its correct resolution is a credit memo or a
 * rejection, else 0: a release or a wait recovers nothing) and d_due the days from today to the invoice's due date (an
 * item due today or overdue weighs 1, one due in a week 1/2, in four weeks 1/5; without a known due date the weight of
 * a deadline {@value #UNKNOWN_DUE_DAYS} days ahead). Money that is paid out before anyone acts is the hardest to get
 * back, so of two items with the same recoverable money the one due sooner is worth more now.
 *
 * <p>The oracle order sorts by this value, knowing the correct resolutions; {@link #oracleShare} says how much of the
 * oracle's value in the first {@code fraction} of the queue another order captures in its own first {@code fraction}.
 * R needs the ground truth, so this is an evaluation measure, never a model input.
 */
public final class QueueValue {
    /** Days at which the deadline weight halves. */
    public static final double HALF_WEIGHT_DAYS = 7;
    /** The due date assumed, in days from today, for an item whose invoice has none. */
    public static final long UNKNOWN_DUE_DAYS = 30;

    private QueueValue() {
    }

    /** The deadline weight of an item due on {@code dueDate} (null: unknown), as of {@code today}. */
    public static double deadlineWeight(LocalDate today, LocalDate dueDate) {
        long days = dueDate == null ? UNKNOWN_DUE_DAYS : ChronoUnit.DAYS.between(today, dueDate);
        return 1.0 / (1.0 + Math.max(0, days) / HALF_WEIGHT_DAYS);
    }

    /** The value of working an item: recoverable money at risk times its deadline weight. */
    public static double of(double recoverableMoney, LocalDate today, LocalDate dueDate) {
        return Math.abs(recoverableMoney) * deadlineWeight(today, dueDate);
    }

    /** The oracle order: highest value first, ties by id. */
    public static List<String> oracleOrder(Map<String, Double> value) {
        List<String> ids = new ArrayList<>(value.keySet());
        ids.sort(Comparator.comparingDouble((String id) -> value.get(id)).reversed().thenComparing(Comparator.naturalOrder()));
        return ids;
    }

    /**
     * The value {@code order} captures in its first {@code ceil(fraction x n)} items, divided by the value the oracle order
     * captures in as many (1 = as good as knowing the answers; 0 when there is no value to capture).
     */
    public static double oracleShare(List<String> order, Map<String, Double> value, double fraction) {
        double best = top(oracleOrder(value), value, fraction);
        return best == 0 ? 0 : top(order, value, fraction) / best;
    }

    private static double top(List<String> order, Map<String, Double> value, double fraction) {
        int k = (int) Math.ceil(order.size() * fraction);
        double sum = 0;
        for (int i = 0; i < k && i < order.size(); i++) {
            sum += value.getOrDefault(order.get(i), 0.0);
        }
        return sum;
    }
}
