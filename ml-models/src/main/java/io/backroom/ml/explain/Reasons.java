package io.backroom.ml.explain;

import java.util.Comparator;
import java.util.List;

/** Helpers shared by every model for choosing the reasons shown with an output. */
public final class Reasons {
    /** Every output carries at most this many reasons. */
    public static final int SHOWN = 3;

    private Reasons() {
    }

    /** The strongest {@link #SHOWN} reasons, strongest first. */
    public static List<Reason> top(List<Reason> candidates) {
        return candidates.stream()
                .sorted(Comparator.comparingDouble(Reason::weight).reversed().thenComparing(Reason::feature))
                .limit(SHOWN)
                .toList();
    }
}
