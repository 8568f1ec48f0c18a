package io.backroom.ml.anomaly;

import io.backroom.ml.explain.Reason;
import java.util.List;

/**
 * The anomaly score of one row.
 *
 * @param id             the row id
 * @param score          higher is more anomalous (probability of anomaly in supervised mode,
 *                       ensemble score in unsupervised mode)
 * @param percentile     share of the training rows scoring lower, in [0, 1]
 * @param flagged        whether the score passes the model's threshold
 * @param reasons        the top three reasons, in plain words
 * @param model          model name and version
 * @param provenanceHash hash of the model artefact digest and the scored input
 */
public record AnomalyScore(String id, double score, double percentile, boolean flagged, List<Reason> reasons,
                           String model, String provenanceHash) {
    /** Copies the reasons. */
    public AnomalyScore {
        reasons = List.copyOf(reasons);
    }
}
