package io.backroom.ml.testdata;

import io.backroom.ml.table.NumericTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A retail-like cashier-shift table synthesised in the test, with planted anomalies of four kinds
 * (sweethearting discounts, refund abuse, cash skimming, void/no-sale abuse). Stores differ in size
 * by a factor of eight and the store is not a column, so most anomalies are only visible as a
 * broken ratio between columns, not as an extreme value of one column.
 */
public final class RetailShiftTable {
    public static final List<String> COLUMNS = List.of("transactions", "sales_total", "refund_count", "refund_amount",
            "void_count", "discount_amount", "no_sale_count", "cash_variance");

    private RetailShiftTable() {
    }

    /** {@code rows} shifts, about {@code anomalyRate} of them anomalous, deterministic for the seed. */
    public static NumericTable generate(int rows, double anomalyRate, long seed) {
        return generate(rows, anomalyRate, seed, new int[rows]);
    }

    /** As {@link #generate(int, double, long)}, also filling {@code kinds} (0 normal, 1-4 the anomaly kind). */
    public static NumericTable generate(int rows, double anomalyRate, long seed, int[] kinds) {
        Random r = new Random(seed);
        double[] storeSize = {0.5, 1.0, 2.0, 4.0};
        List<String> ids = new ArrayList<>();
        double[][] values = new double[rows][];
        int[] labels = new int[rows];
        for (int i = 0; i < rows; i++) {
            double size = storeSize[r.nextInt(storeSize.length)];
            double hourFactor = 0.6 + 0.8 * r.nextDouble();
            double transactions = Math.max(5, Math.round(size * 120 * hourFactor * Math.exp(0.15 * r.nextGaussian())));
            double basket = 25 * Math.exp(0.2 * r.nextGaussian());
            double sales = transactions * basket;
            double refundCount = binomial(r, transactions, 0.02);
            double refundAmount = refundCount * basket * Math.exp(0.3 * r.nextGaussian());
            double voids = binomial(r, transactions, 0.01);
            double discount = sales * Math.max(0, 0.03 + 0.008 * r.nextGaussian());
            double noSale = poisson(r, 2);
            double cashVariance = r.nextGaussian() * (2 + 0.0005 * sales);
            int label = 0;
            if (r.nextDouble() < anomalyRate) {
                label = 1;
                int kind = r.nextInt(4);
                kinds[i] = kind + 1;
                switch (kind) {
                    case 0 -> discount = sales * (0.09 + 0.05 * r.nextDouble());
                    case 1 -> {
                        refundCount = Math.round(refundCount * 3 + 3 + r.nextInt(4));
                        refundAmount = refundCount * basket * (1.5 + r.nextDouble());
                    }
                    case 2 -> cashVariance = -(15 + 25 * r.nextDouble()) * Math.sqrt(size);
                    default -> {
                        voids = Math.round(voids * 3 + 4 + r.nextInt(4));
                        noSale = noSale + 5 + r.nextInt(6);
                    }
                }
            }
            ids.add(String.format(Locale.ROOT, "S%06d", i));
            values[i] = new double[] {transactions, round2(sales), refundCount, round2(refundAmount), voids,
                round2(discount), noSale, round2(cashVariance)};
            labels[i] = label;
        }
        return new NumericTable(ids, COLUMNS, values, labels);
    }

    /** Writes the table as CSV with columns shift_id, store_note (text, to be ignored), the features and is_fraud. */
    public static void writeCsv(NumericTable table, Path file, boolean withLabel) throws IOException {
        StringBuilder csv = new StringBuilder("shift_id,store_note," + String.join(",", table.columns()));
        csv.append(withLabel ? ",is_fraud\n" : "\n");
        for (int i = 0; i < table.size(); i++) {
            csv.append(table.ids().get(i)).append(",\"note, with comma\"");
            for (double v : table.values()[i]) {
                csv.append(',').append(v);
            }
            if (withLabel) {
                csv.append(',').append(table.labels()[i]);
            }
            csv.append('\n');
        }
        Files.writeString(file, csv);
    }

    private static double binomial(Random r, double n, double p) {
        double mean = n * p;
        return Math.max(0, Math.round(mean + Math.sqrt(mean * (1 - p)) * r.nextGaussian()));
    }

    private static double poisson(Random r, double lambda) {
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
