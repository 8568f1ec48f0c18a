package io.backroom.ml.eval;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** Accuracy, macro-F1 and expected calibration error of class predictions. */
public final class ClassificationMetrics {
    private ClassificationMetrics() {
    }

    /** Share of exact matches. */
    public static double accuracy(List<String> truth, List<String> predicted) {
        int hits = 0;
        for (int i = 0; i < truth.size(); i++) {
            hits += truth.get(i).equals(predicted.get(i)) ? 1 : 0;
        }
        return truth.isEmpty() ? 0 : hits / (double) truth.size();
    }

    /** Unweighted mean of per-class F1 over the classes present in the truth. */
    public static double macroF1(List<String> truth, List<String> predicted) {
        Map<String, double[]> perClass = perClass(truth, predicted);
        return perClass.isEmpty() ? 0 : perClass.values().stream().mapToDouble(v -> v[2]).sum() / perClass.size();
    }

    /** {precision, recall, F1} of every class present in the truth, in class-name order. */
    public static Map<String, double[]> perClass(List<String> truth, List<String> predicted) {
        Map<String, double[]> out = new TreeMap<>();
        for (String c : new TreeSet<>(truth)) {
            int tp = 0;
            int fp = 0;
            int fn = 0;
            for (int i = 0; i < truth.size(); i++) {
                boolean t = truth.get(i).equals(c);
                boolean p = predicted.get(i).equals(c);
                tp += t && p ? 1 : 0;
                fp += !t && p ? 1 : 0;
                fn += t && !p ? 1 : 0;
            }
            double precision = tp + fp == 0 ? 0 : tp / (double) (tp + fp);
            double recall = tp + fn == 0 ? 0 : tp / (double) (tp + fn);
            out.put(c, new double[] {precision, recall, precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)});
        }
        return out;
    }

    /** Expected calibration error over 10 equal-width confidence bins. */
    public static double expectedCalibrationError(List<Double> confidence, List<Boolean> correct) {
        int bins = 10;
        double[] conf = new double[bins];
        double[] acc = new double[bins];
        int[] count = new int[bins];
        for (int i = 0; i < confidence.size(); i++) {
            int b = Math.min(bins - 1, (int) (confidence.get(i) * bins));
            conf[b] += confidence.get(i);
            acc[b] += correct.get(i) ? 1 : 0;
            count[b]++;
        }
        double ece = 0;
        for (int b = 0; b < bins; b++) {
            if (count[b] > 0) {
                ece += Math.abs(acc[b] / count[b] - conf[b] / count[b]) * count[b] / confidence.size();
            }
        }
        return ece;
    }
}
