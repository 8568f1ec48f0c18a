package io.backroom.ml.anomaly;

import java.util.ArrayList;
import java.util.List;
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

    private final int subsample;

    private IsolationForest(Node[] trees, int subsample) {
        this.trees = trees;
        this.subsample = subsample;
        this.normaliser = averagePathLength(subsample);
    }

    /**
     * One tree flattened for saving: node {@code i} splits on {@code feature[i]} at {@code split[i]}
     * into nodes {@code left[i]} and {@code right[i]}, or is a leaf ({@code left[i] == -1}) holding
     * {@code size[i]} training rows.
     */
    record FlatTree(int[] feature, double[] split, int[] left, int[] right, int[] size) {
    }

    /** The sub-sample size the trees were grown on. */
    int subsample() {
        return subsample;
    }

    /** The trees, flattened for saving. */
    List<FlatTree> flatten() {
        List<FlatTree> out = new ArrayList<>(trees.length);
        for (Node tree : trees) {
            List<Node> nodes = new ArrayList<>();
            collect(tree, nodes);
            int n = nodes.size();
            java.util.IdentityHashMap<Node, Integer> index = new java.util.IdentityHashMap<>();
            for (int i = 0; i < n; i++) {
                index.put(nodes.get(i), i);
            }
            int[] feature = new int[n];
            double[] split = new double[n];
            int[] left = new int[n];
            int[] right = new int[n];
            int[] size = new int[n];
            for (int i = 0; i < n; i++) {
                Node node = nodes.get(i);
                feature[i] = node.feature;
                split[i] = node.split;
                left[i] = node.left == null ? -1 : index.get(node.left);
                right[i] = node.right == null ? -1 : index.get(node.right);
                size[i] = node.size;
            }
            out.add(new FlatTree(feature, split, left, right, size));
        }
        return out;
    }

    /** Rebuilds a forest saved with {@link #flatten}. */
    static IsolationForest of(List<FlatTree> flat, int subsample) {
        Node[] trees = new Node[flat.size()];
        for (int t = 0; t < trees.length; t++) {
            trees[t] = build(flat.get(t), 0);
        }
        return new IsolationForest(trees, subsample);
    }

    private static Node build(FlatTree t, int i) {
        if (t.left()[i] < 0) {
            return Node.leaf(t.size()[i]);
        }
        return new Node(t.feature()[i], t.split()[i], build(t, t.left()[i]), build(t, t.right()[i]), 0);
    }

    private static void collect(Node node, List<Node> into) {
        into.add(node);
        if (node.left != null) {
            collect(node.left, into);
            collect(node.right, into);
        }
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
