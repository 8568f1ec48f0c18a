package io.backroom.ml.priority;

import io.backroom.ml.explain.Reason;
import java.util.List;

/**
 * Where an exception sits in the queue and why: the blend of its parts, in money per day of delay.
 *
 * @param id                 the exception id
 * @param rank               1 = act first
 * @param score              the blended expected value of acting now
 * @param expectedRecovery   learned probability of recovering money x money at risk x the payment-deadline weight
 * @param discountValue      the early-payment discount still to be earned, weighted by urgency
 * @param dueValue           the late-payment exposure, weighted by urgency
 * @param ageValue           the SLA-age term
 * @param criticality        the supplier-criticality multiplier
 * @param reasons            the top three reasons in plain words
 * @param model              model name and version
 * @param provenanceHash     hash of the model digest and the item's inputs
 */
public record PriorityScore(String id, int rank, double score, double expectedRecovery, double discountValue, double dueValue,
                            double ageValue, double criticality, List<Reason> reasons, String model, String provenanceHash) {
    /** Copies the reasons. */
    public PriorityScore {
        reasons = List.copyOf(reasons);
    }
}
