package io.backroom.ml.exceptions;

import io.backroom.ml.explain.Reason;
import java.util.List;

/**
 * The classifier's view of one held invoice.
 *
 * @param invoiceId            the invoice
 * @param rootCause            the likely root cause (a {@code RootCause} name of the sample data)
 * @param rootCauseConfidence  its calibrated probability
 * @param action               the recommended action: RELEASE, REQUEST_CREDIT_MEMO, ROUTE_TO_BUYER, REJECT, WAIT_FOR_RECEIPT
 * @param actionConfidence     its calibrated probability
 * @param reasons              the top three reasons, in plain words
 * @param model                model name and version
 * @param provenanceHash       hash of the model digest and the invoice's features
 */
public record ExceptionAssessment(String invoiceId, String rootCause, double rootCauseConfidence, String action,
                                  double actionConfidence, List<Reason> reasons, String model, String provenanceHash) {
    /** Copies the reasons. */
    public ExceptionAssessment {
        reasons = List.copyOf(reasons);
    }
}
