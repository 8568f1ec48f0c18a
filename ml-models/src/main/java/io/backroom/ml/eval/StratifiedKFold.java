package io.backroom.ml.eval;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Deterministic stratified k-fold split: each fold gets its share of positives and negatives. */
public final class StratifiedKFold {
    private StratifiedKFold() {
    }

    /** {@code fold[i]} in {@code [0, k)} for each row, shuffled with the seed within each class. */
    public static int[] assign(int[] labels, int k, long seed) {
        if (k < 2) {
            throw new IllegalArgumentException("k must be at least 2");
        }
        int[] fold = new int[labels.length];
        Random random = new Random(seed);
        for (int cls = 0; cls <= 1; cls++) {
            List<Integer> members = new ArrayList<>();
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] == cls) {
                    members.add(i);
                }
            }
            Collections.shuffle(members, random);
            for (int m = 0; m < members.size(); m++) {
                fold[members.get(m)] = m % k;
            }
        }
        return fold;
    }
}
