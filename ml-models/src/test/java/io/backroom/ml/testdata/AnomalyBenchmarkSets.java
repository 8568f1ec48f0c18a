package io.backroom.ml.testdata;

import io.backroom.ml.table.NumericTable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Labelled tabular anomaly sets for the generic detector's benchmark, unlike the sample-data
 * generator's journals: skewed, heavy-tailed counts and rates, a few per cent positives, and honest
 * heavy-tail rows (a big family shop, a bulk buyer) that look extreme without being fraud.
 */
public final class AnomalyBenchmarkSets {
    private AnomalyBenchmarkSets() {
    }

    /**
     * Self-checkout sessions: items scanned (negative binomial), basket value (log-normal with a
     * Pareto tail), minutes, scans per minute, share of items weighed, weight-mismatch alerts,
     * voided scans, coupons, and the customer's refunds in the last 90 days. About {@code rate} of
     * sessions are fraud of four kinds (skip-scanning: few scans for the time and weight alerts;
     * produce-code swaps: many weighed items with a low value per item; coupon stacking; serial
     * refunders), each moving one to three columns a little, not to the extremes.
     */
    public static NumericTable checkouts(int rows, double rate, long seed) {
        Random r = new Random(seed);
        List<String> columns = List.of("items", "basket_value", "minutes", "scans_per_minute", "weighed_share",
                "weight_alerts", "voided_scans", "coupons", "refunds_90d");
        List<String> ids = new ArrayList<>();
        double[][] values = new double[rows][];
        int[] labels = new int[rows];
        for (int i = 0; i < rows; i++) {
            double shopper = Math.exp(0.6 * r.nextGaussian());
            double items = Math.max(1, negBinomial(r, 9 * shopper, 2.5));
            double perItem = 3.5 * Math.exp(0.5 * r.nextGaussian());
            if (r.nextDouble() < 0.03) {
                perItem *= pareto(r, 1.5);
            }
            double value = items * perItem;
            double minutes = 0.6 + items * 0.18 * Math.exp(0.35 * r.nextGaussian()) + gamma1(r) * 0.8;
            double weighedShare = beta(r, 1.2, 6);
            double weighed = Math.round(items * weighedShare);
            double alerts = poisson(r, 0.08 + 0.02 * weighed);
            double voided = poisson(r, 0.05 * items);
            double coupons = r.nextDouble() < 0.2 ? 1 + poisson(r, 0.4) : 0;
            double refunds = r.nextDouble() < 0.15 ? negBinomial(r, 1.2, 0.8) : 0;
            int label = 0;
            if (r.nextDouble() < rate) {
                label = 1;
                switch (r.nextInt(4)) {
                    case 0 -> {
                        double skipped = Math.max(1, Math.round(items * (0.2 + 0.3 * r.nextDouble())));
                        minutes += skipped * 0.2;
                        alerts += 1 + poisson(r, 0.8);
                        value -= skipped * perItem;
                        items -= Math.min(items - 1, skipped);
                    }
                    case 1 -> {
                        weighed = Math.min(items, weighed + 2 + poisson(r, 2));
                        value *= 0.55 + 0.2 * r.nextDouble();
                        alerts += poisson(r, 0.6);
                    }
                    case 2 -> coupons += 2 + poisson(r, 1.5);
                    default -> {
                        refunds += 2 + negBinomial(r, 2, 1.5);
                        voided += poisson(r, 1);
                    }
                }
            }
            ids.add(String.format(Locale.ROOT, "K%06d", i));
            values[i] = new double[] {items, round2(Math.max(0.5, value)), round2(minutes), round2(items / minutes),
                round2(weighed / items), alerts, voided, coupons, refunds};
            labels[i] = label;
        }
        return new NumericTable(ids, columns, values, labels);
    }

    /**
     * The Wisconsin diagnostic breast cancer table (569 rows, 30 heavy-tailed measurements; public,
     * UCI) as Debian's {@code python3-sklearn} ships it ({@code sklearn/datasets/data/breast_cancer.csv}):
     * every benign row and a seeded sample of malignant rows as the anomalies, {@code positives} of them.
     */
    public static NumericTable breastCancer(Path csv, int positives, long seed) throws IOException {
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        List<double[]> benign = new ArrayList<>();
        List<double[]> malignant = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split(",");
            double[] v = new double[f.length - 1];
            for (int c = 0; c < v.length; c++) {
                v[c] = Double.parseDouble(f[c]);
            }
            (f[f.length - 1].trim().equals("0") ? malignant : benign).add(v);
        }
        Collections.shuffle(malignant, new Random(seed));
        List<double[]> rows = new ArrayList<>(benign);
        rows.addAll(malignant.subList(0, Math.min(positives, malignant.size())));
        int[] labels = new int[rows.size()];
        for (int i = benign.size(); i < rows.size(); i++) {
            labels[i] = 1;
        }
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            ids.add("W" + i);
        }
        List<String> columns = new ArrayList<>();
        for (int c = 0; c < rows.get(0).length; c++) {
            columns.add("m" + c);
        }
        return new NumericTable(ids, columns, rows.toArray(new double[0][]), labels);
    }

    private static double negBinomial(Random r, double mean, double shape) {
        return poisson(r, mean * gamma(r, shape) / shape);
    }

    private static double gamma1(Random r) {
        return -Math.log(1 - r.nextDouble());
    }

    /** Marsaglia-Tsang gamma(shape, 1). */
    private static double gamma(Random r, double shape) {
        if (shape < 1) {
            return gamma(r, shape + 1) * Math.pow(r.nextDouble(), 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x = r.nextGaussian();
            double v = Math.pow(1 + c * x, 3);
            if (v > 0 && Math.log(r.nextDouble()) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
                return d * v;
            }
        }
    }

    private static double beta(Random r, double a, double b) {
        double x = gamma(r, a);
        return x / (x + gamma(r, b));
    }

    private static double pareto(Random r, double alpha) {
        return Math.pow(1 - r.nextDouble(), -1 / alpha);
    }

    private static double poisson(Random r, double lambda) {
        if (lambda > 30) {
            return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * r.nextGaussian()));
        }
        double l = Math.exp(-lambda);
        int k = 0;
        double p = 1;
        do {
            k++;
            p *= r.nextDouble();
        } while (p > l);
        return k - 1;
    }

    private static double round2(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
