package io.backroom.ml.pos;

import io.backroom.ml.explain.Reason;
import java.util.List;

/**
 * The anomaly score of one cashier shift.
 *
 * @param shiftId        the shift
 * @param storeId        its store
 * @param cashierId      its cashier
 * @param score          higher is more anomalous
 * @param percentile     share of training shifts scoring lower
 * @param flagged        whether the shift passes the review threshold
 * @param reasons        the top three reasons in plain words
 * @param model          model name and version
 * @param provenanceHash hash of the model digest and the shift's features
 */
public record ShiftScore(String shiftId, String storeId, String cashierId, double score, double percentile, boolean flagged,
                         List<Reason> reasons, String model, String provenanceHash) {
    /** Copies the reasons. */
    public ShiftScore {
        reasons = List.copyOf(reasons);
    }
}
