package io.backroom.ml.pos;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The shift model's scoring rule: a robust, peer-normalised z-score per behaviour rate, paired into
 * behaviours, the largest behaviour evidence as the shift's score.
 *
 * <ul>
 *   <li>Each rate of {@link ShiftFeatures#NAMES} is compared with its norm: the winsorised mean of
 *   all shifts (0.5 % cut at each end, so a few fraudulent shifts cannot move it), raised to the
 *   median of the same store's other shifts that day when those run higher (a promotion day or a
 *   post-holiday return peak is the store's, not the cashier's), and divided by the winsorised
 *   standard deviation. Only the risky direction counts: more refunds, voids, discounts, overrides;
 *   a cash <em>shortage</em>.</li>
 *   <li>A behaviour with a count and an amount (refunds without receipt: how many, and how much of
 *   the sales) scores the geometric mean of both z-scores, so one large refund in a short shift
 *   is less evidence than several; a behaviour with one rate scores that rate's z.</li>
 *   <li>The shift's score is its strongest behaviour's evidence plus a quarter of the second
 *   strongest: two behaviours out of line corroborate each other.</li>
 * </ul>
 *
 * @param location per rate, the winsorised mean over the training shifts
 * @param scale    per rate, the winsorised standard deviation over the training shifts
 */
record PeerRates(double[] location, double[] scale) {
    static final double WINSOR = 0.005;
    static final int MIN_DAY_PEERS = 2;
    static final double Z_CAP = 50;
    static final double SECOND = 0.25;
    /** The rate of {@link ShiftFeatures#NAMES} whose low values are risky (a cash shortage). */
    static final int SIGNED_CASH = ShiftFeatures.NAMES.indexOf("cash_variance_share");

    /** A behaviour: its name, its words, and the rate indices it is read from (count first, then amount). */
    record Behaviour(String name, String words, int... rates) {
    }

    static final List<Behaviour> BEHAVIOURS = List.of(
            new Behaviour("returns", "refunds", idx("return_rate"), idx("return_share")),
            new Behaviour("no_receipt_returns", "refunds without receipt", idx("no_receipt_return_rate"), idx("no_receipt_return_share")),
            new Behaviour("voided_lines", "voided lines", idx("void_line_rate"), idx("void_share")),
            new Behaviour("post_voids", "voids after tender", idx("post_void_rate"), idx("post_void_share")),
            new Behaviour("discounts", "manual discounts", idx("discount_line_rate"), idx("discount_share")),
            new Behaviour("price_overrides", "price overrides", idx("price_override_rate"), idx("markdown_share")),
            new Behaviour("no_sales", "no-sale drawer openings", idx("no_sale_per_hour")),
            new Behaviour("manager_overrides", "manager overrides", idx("manager_override_rate")),
            new Behaviour("gift_cards", "gift-card value", idx("gift_card_share")),
            new Behaviour("employee_sales", "employee sales", idx("employee_sale_rate")),
            new Behaviour("cash_shortage", "cash drawer shortage", SIGNED_CASH, idx("abs_cash_variance")));

    private static int idx(String rate) {
        int i = ShiftFeatures.NAMES.indexOf(rate);
        if (i < 0) {
            throw new IllegalStateException("unknown rate " + rate);
        }
        return i;
    }

    /** Winsorised mean and standard deviation of every rate over the shifts. */
    static PeerRates fit(double[][] rates) {
        int d = ShiftFeatures.NAMES.size();
        double[] location = new double[d];
        double[] scale = new double[d];
        double[] column = new double[rates.length];
        for (int f = 0; f < d; f++) {
            for (int i = 0; i < rates.length; i++) {
                column[i] = rates[i][f];
            }
            double[] sorted = column.clone();
            Arrays.sort(sorted);
            double lo = quantile(sorted, WINSOR);
            double hi = quantile(sorted, 1 - WINSOR);
            double sum = 0;
            for (double v : column) {
                sum += Math.max(lo, Math.min(hi, v));
            }
            double mean = sum / column.length;
            double ss = 0;
            for (double v : column) {
                double w = Math.max(lo, Math.min(hi, v)) - mean;
                ss += w * w;
            }
            location[f] = mean;
            double sd = Math.sqrt(ss / column.length);
            scale[f] = sd > 1e-9 ? sd : 1e-3 * Math.max(1e-6, Math.abs(mean)) + 1e-9;
        }
        return new PeerRates(location, scale);
    }

    /** One shift's comparison: the norm each rate was compared with and the resulting z-scores. */
    record Comparison(double[] norm, boolean[] dayNorm, double[] z, double[] evidence) {
    }

    /**
     * Compares every shift with its norms. {@code groups} names each shift's store-day; a shift's
     * day norm is the median of the other shifts of its group (at least {@value #MIN_DAY_PEERS}).
     */
    List<Comparison> compare(double[][] rates, List<String> groups) {
        int n = rates.length;
        int d = location.length;
        Map<String, List<Integer>> members = new HashMap<>();
        for (int i = 0; i < n; i++) {
            members.computeIfAbsent(groups.get(i), k -> new ArrayList<>()).add(i);
        }
        List<Comparison> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            List<Integer> peers = members.get(groups.get(i));
            double[] norm = location.clone();
            boolean[] dayNorm = new boolean[d];
            if (peers.size() - 1 >= MIN_DAY_PEERS) {
                double[] others = new double[peers.size() - 1];
                for (int f = 0; f < d; f++) {
                    int k = 0;
                    for (int o : peers) {
                        if (o != i) {
                            others[k++] = rates[o][f];
                        }
                    }
                    Arrays.sort(others);
                    double day = quantile(others, 0.5);
                    boolean higherRisky = f != SIGNED_CASH;
                    if (higherRisky ? day > norm[f] : day < norm[f]) {
                        norm[f] = day;
                        dayNorm[f] = true;
                    }
                }
            }
            double[] z = new double[d];
            for (int f = 0; f < d; f++) {
                double v = (rates[i][f] - norm[f]) / scale[f];
                z[f] = Math.max(-Z_CAP, Math.min(Z_CAP, f == SIGNED_CASH ? -v : v));
            }
            out.add(new Comparison(norm, dayNorm, z, evidence(z)));
        }
        return out;
    }

    /** Per behaviour: the geometric mean of its count and amount z (negative when either is below the norm), or its one z. */
    static double[] evidence(double[] z) {
        double[] e = new double[BEHAVIOURS.size()];
        for (int b = 0; b < e.length; b++) {
            int[] r = BEHAVIOURS.get(b).rates();
            if (r.length == 1) {
                e[b] = z[r[0]];
            } else {
                double lo = Math.min(z[r[0]], z[r[1]]);
                e[b] = Math.signum(lo) * Math.sqrt(Math.abs(z[r[0]] * z[r[1]]));
            }
        }
        return e;
    }

    /** The shift's score: its strongest behaviour's evidence plus a quarter of the second strongest (corroboration). */
    static double score(double[] evidence) {
        double first = Double.NEGATIVE_INFINITY;
        double second = Double.NEGATIVE_INFINITY;
        for (double v : evidence) {
            if (v > first) {
                second = first;
                first = v;
            } else if (v > second) {
                second = v;
            }
        }
        return first + SECOND * second;
    }

    static double quantile(double[] sorted, double q) {
        if (sorted.length == 1) {
            return sorted[0];
        }
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }
}
