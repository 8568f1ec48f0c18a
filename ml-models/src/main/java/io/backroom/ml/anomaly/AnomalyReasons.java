package io.backroom.ml.anomaly;

import io.backroom.ml.explain.Reason;
import io.backroom.ml.explain.Reasons;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Turns a row's robust z-scores and Mahalanobis contributions into plain-word reasons. */
final class AnomalyReasons {
    private static final double EXTREME = 3.0;

    private AnomalyReasons() {
    }

    /**
     * Up to three columns that stand out (robust |z| or joint deviation of at least 3), strongest
     * first; when none does, one reason saying so: "nothing stands out" for a row that is not
     * flagged, and that the combination is rare for a flagged one.
     */
    static List<Reason> explain(List<String> columns, double[] raw, double[] z, UnsupervisedStack stack, boolean flagged) {
        double[] joint = stack.mahalanobis.contributions(z);
        List<Reason> reasons = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            String column = columns.get(c);
            double marginal = Math.abs(z[c]);
            double jointSd = Math.sqrt(Math.max(0, joint[c]));
            String typical = number(stack.scaler.typicalRaw(c));
            String text;
            double weight;
            if (marginal >= EXTREME) {
                text = String.format(Locale.ROOT, "%s = %s is %.1f robust standard deviations %s the usual %s",
                        column, number(raw[c]), marginal, z[c] > 0 ? "above" : "below", typical);
                weight = marginal;
            } else if (jointSd >= EXTREME) {
                text = String.format(Locale.ROOT,
                        "%s = %s is ordinary on its own (usual %s) but out of line with the other columns (%.1f SD jointly)",
                        column, number(raw[c]), typical, jointSd);
                weight = jointSd;
            } else {
                continue;
            }
            reasons.add(new Reason(column, text, weight));
        }
        if (reasons.isEmpty()) {
            return List.of(new Reason("none", flagged
                    ? "no single column stands out: the combination of values is rare among the training rows"
                    : "nothing stands out", 0));
        }
        return Reasons.top(reasons);
    }

    private static String number(double value) {
        if (Math.abs(value - Math.rint(value)) < 1e-9 && Math.abs(value) < 1e15) {
            return String.format(Locale.ROOT, "%d", (long) Math.rint(value));
        }
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
