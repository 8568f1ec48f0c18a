package io.backroom.ml.eval;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Metrics of a score that ranks positives (label 1) above negatives: ROC-AUC (with ties counted
 * half), average precision (area under the precision-recall step curve, as scikit-learn computes
 * it) and precision in the top fraction of the ranking.
 */
public final class RankingMetrics {
    private RankingMetrics() {
    }

    /** ROC-AUC by the rank-sum (Mann-Whitney) statistic; ties between scores count one half. */
    public static double rocAuc(double[] scores, int[] labels) {
        check(scores, labels);
        Integer[] order = sortedAscending(scores);
        double[] ranks = new double[scores.length];
        int i = 0;
        while (i < order.length) {
            int j = i;
            while (j + 1 < order.length && scores[order[j + 1]] == scores[order[i]]) {
                j++;
            }
            double rank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                ranks[order[k]] = rank;
            }
            i = j + 1;
        }
        long positives = Arrays.stream(labels).filter(l -> l == 1).count();
        long negatives = labels.length - positives;
        if (positives == 0 || negatives == 0) {
            throw new IllegalArgumentException("ROC-AUC needs both positive and negative labels");
        }
        double rankSum = 0;
        for (int k = 0; k < labels.length; k++) {
            if (labels[k] == 1) {
                rankSum += ranks[k];
            }
        }
        return (rankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }

    /** Average precision: the mean of the precision at each threshold weighted by the recall gained. */
    public static double averagePrecision(double[] scores, int[] labels) {
        check(scores, labels);
        Integer[] order = sortedAscending(scores);
        long positives = Arrays.stream(labels).filter(l -> l == 1).count();
        if (positives == 0) {
            throw new IllegalArgumentException("average precision needs at least one positive label");
        }
        double ap = 0;
        int truePositives = 0;
        int seen = 0;
        int i = order.length - 1;
        while (i >= 0) {
            int j = i;
            while (j - 1 >= 0 && scores[order[j - 1]] == scores[order[i]]) {
                j--;
            }
            int gained = 0;
            for (int k = j; k <= i; k++) {
                gained += labels[order[k]];
                seen++;
            }
            truePositives += gained;
            if (gained > 0) {
                ap += ((double) gained / positives) * ((double) truePositives / seen);
            }
            i = j - 1;
        }
        return ap;
    }

    /** Precision among the {@code ceil(fraction * n)} highest scores. */
    public static double precisionAtTop(double[] scores, int[] labels, double fraction) {
        check(scores, labels);
        int k = Math.max(1, (int) Math.ceil(fraction * scores.length));
        Integer[] order = sortedAscending(scores);
        int hits = 0;
        for (int i = order.length - 1; i >= order.length - k; i--) {
            hits += labels[order[i]];
        }
        return (double) hits / k;
    }

    private static Integer[] sortedAscending(double[] scores) {
        Integer[] order = IntStream.range(0, scores.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> scores[i]));
        return order;
    }

    private static void check(double[] scores, int[] labels) {
        if (scores.length != labels.length || scores.length == 0) {
            throw new IllegalArgumentException(scores.length + " scores for " + labels.length + " labels");
        }
    }
}
