package io.backroom.ml.pos;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Normalises shift rates against peers: the same store's shifts (a busy flagship and a small
 * store have different normal refund rates) and the same hour-of-day band across all stores (the
 * evening shift voids more). Each rate becomes two robust z-scores; a store with too few shifts
 * falls back to the all-store statistics.
 *
 * @param global per feature {median, scale} over all shifts
 * @param stores per store, per feature {median, scale}
 * @param hours  per hour band (0..7, three hours each), per feature {median, scale}
 */
record PeerNormalizer(double[][] global, Map<String, double[][]> stores, Map<Integer, double[][]> hours) {
    static final int MIN_PEERS = 8;

    static int band(int hour) {
        return Math.max(0, Math.min(7, hour / 3));
    }

    static PeerNormalizer fit(List<String> storeIds, List<Integer> startHours, double[][] rates) {
        int d = rates[0].length;
        double[][] global = stats(indices(rates.length), rates, null);
        Map<String, List<Integer>> byStore = new HashMap<>();
        Map<Integer, List<Integer>> byBand = new HashMap<>();
        for (int i = 0; i < rates.length; i++) {
            byStore.computeIfAbsent(storeIds.get(i), k -> new ArrayList<>()).add(i);
            byBand.computeIfAbsent(band(startHours.get(i)), k -> new ArrayList<>()).add(i);
        }
        Map<String, double[][]> stores = new java.util.TreeMap<>();
        byStore.forEach((store, idx) -> {
            if (idx.size() >= MIN_PEERS) {
                stores.put(store, stats(idx, rates, global));
            }
        });
        Map<Integer, double[][]> hours = new java.util.TreeMap<>();
        byBand.forEach((b, idx) -> {
            if (idx.size() >= MIN_PEERS) {
                hours.put(b, stats(idx, rates, global));
            }
        });
        if (d == 0) {
            throw new IllegalArgumentException("no features");
        }
        return new PeerNormalizer(global, stores, hours);
    }

    /** Store-peer z-scores followed by hour-peer z-scores of one shift's rates. */
    double[] normalise(String storeId, int startHour, double[] rates) {
        double[][] s = stores.getOrDefault(storeId, global);
        double[][] h = hours.getOrDefault(band(startHour), global);
        double[] out = new double[rates.length * 2];
        for (int f = 0; f < rates.length; f++) {
            out[f] = (rates[f] - s[f][0]) / s[f][1];
            out[rates.length + f] = (rates[f] - h[f][0]) / h[f][1];
        }
        return out;
    }

    /** The feature names of {@link #normalise}'s output. */
    static List<String> names(List<String> rates) {
        List<String> names = new ArrayList<>();
        rates.forEach(r -> names.add(r + "_vs_store"));
        rates.forEach(r -> names.add(r + "_vs_hour"));
        return names;
    }

    private static List<Integer> indices(int n) {
        List<Integer> all = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            all.add(i);
        }
        return all;
    }

    /** {median, scale} per feature; the scale is floored at a quarter of the global scale. */
    private static double[][] stats(List<Integer> idx, double[][] rates, double[][] global) {
        int d = rates[0].length;
        double[][] out = new double[d][2];
        double[] column = new double[idx.size()];
        for (int f = 0; f < d; f++) {
            for (int k = 0; k < idx.size(); k++) {
                column[k] = rates[idx.get(k)][f];
            }
            Arrays.sort(column);
            double median = quantile(column, 0.5);
            double[] dev = new double[column.length];
            for (int k = 0; k < column.length; k++) {
                dev[k] = Math.abs(column[k] - median);
            }
            Arrays.sort(dev);
            double scale = 1.4826 * quantile(dev, 0.5);
            double mean = Arrays.stream(column).average().orElse(0);
            double sd = Math.sqrt(Arrays.stream(column).map(v -> (v - mean) * (v - mean)).average().orElse(0));
            scale = Math.max(scale, 0.5 * sd);
            if (global != null) {
                scale = Math.max(scale, 0.25 * global[f][1]);
            }
            out[f][0] = median;
            out[f][1] = scale > 1e-9 ? scale : 1e-3;
        }
        return out;
    }

    private static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }
}
