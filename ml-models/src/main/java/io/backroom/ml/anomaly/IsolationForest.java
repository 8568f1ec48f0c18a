package io.backroom.ml.anomaly;

import java.util.Random;

/**
 * Isolation forest (Liu, Ting and Zhou, 2008): the baseline the tabular anomaly detector is compared
 * with. Each tree isolates points by random axis-aligned splits on a sub-sample of 256 rows; the
 * score is {@code 2^(-E[h(x)] / c(psi))}, higher meaning more anomalous.
 */
public final class IsolationForest {
    private static final int SUBSAMPLE = 256;
    private final Node[] trees;
    private final double normaliser;

    private IsolationForest(Node[] trees, int subsample) {
        this.trees = trees;
        this.normaliser = averagePathLength(subsample);
    }

    /** Fits {@code treeCount} trees on the rows, deterministically for the seed. */
    public static IsolationForest fit(double[][] rows, int treeCount, long seed) {
        Random random = new Random(seed);
        int subsample = Math.min(SUBSAMPLE, rows.length);
        int heightLimit = (int) Math.ceil(Math.log(subsample) / Math.log(2));
        Node[] trees = new Node[treeCount];
        for (int t = 0; t < treeCount; t++) {
            int[] sample = new int[subsample];
            int[] pool = new int[rows.length];
            for (int i = 0; i < pool.length; i++) {
                pool[i] = i;
            }
            for (int i = 0; i < subsample; i++) {
                int j = i + random.nextInt(pool.length - i);
                int tmp = pool[i];
                pool[i] = pool[j];
                pool[j] = tmp;
                sample[i] = pool[i];
            }
            trees[t] = build(rows, sample, 0, sample.length, 0, heightLimit, random);
        }
        return new IsolationForest(trees, subsample);
    }

    /** The anomaly score in (0, 1] of one row. */
    public double score(double[] row) {
        double total = 0;
        for (Node tree : trees) {
            total += pathLength(tree, row, 0);
        }
        return Math.pow(2, -(total / trees.length) / normaliser);
    }

    /** Scores of many rows. */
    public double[] score(double[][] rows) {
        double[] scores = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            scores[i] = score(rows[i]);
        }
        return scores;
    }

    private static Node build(double[][] rows, int[] idx, int from, int to, int depth, int limit, Random random) {
        int size = to - from;
        if (depth >= limit || size <= 1) {
            return Node.leaf(size);
        }
        int features = rows[0].length;
        int feature = random.nextInt(features);
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int attempt = 0; attempt < features && min >= max; attempt++) {
            feature = (feature + (attempt == 0 ? 0 : 1)) % features;
            min = Double.POSITIVE_INFINITY;
            max = Double.NEGATIVE_INFINITY;
            for (int i = from; i < to; i++) {
                double v = rows[idx[i]][feature];
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        if (min >= max) {
            return Node.leaf(size);
        }
        double split = min + random.nextDouble() * (max - min);
        int mid = from;
        for (int i = from; i < to; i++) {
            if (rows[idx[i]][feature] < split) {
                int tmp = idx[mid];
                idx[mid] = idx[i];
                idx[i] = tmp;
                mid++;
            }
        }
        return new Node(feature, split,
                build(rows, idx, from, mid, depth + 1, limit, random),
                build(rows, idx, mid, to, depth + 1, limit, random), 0);
    }

    private static double pathLength(Node node, double[] row, int depth) {
        Node current = node;
        int d = depth;
        while (current.left != null) {
            current = row[current.feature] < current.split ? current.left : current.right;
            d++;
        }
        return d + averagePathLength(current.size);
    }

    /** c(n): the average path length of an unsuccessful search in a binary search tree of n points. */
    static double averagePathLength(int n) {
        if (n <= 1) {
            return 0;
        }
        if (n == 2) {
            return 1;
        }
        return 2 * (Math.log(n - 1.0) + 0.5772156649) - 2.0 * (n - 1) / n;
    }

    private record Node(int feature, double split, Node left, Node right, int size) {
        static Node leaf(int size) {
            return new Node(-1, 0, null, null, size);
        }
    }
}
