package io.backroom.ml.training;

import io.backroom.ml.data.DatasetDir;
import io.backroom.ml.exceptions.ExceptionAssessment;
import io.backroom.ml.exceptions.ExceptionClassifier;
import io.backroom.ml.exceptions.MatchFacts;
import io.backroom.ml.pos.ShiftAnomalyModel;
import io.backroom.ml.pos.ShiftScore;
import io.backroom.ml.priority.PriorityScore;
import io.backroom.ml.priority.Prioritizer;
import io.backroom.ml.tribuo.Digests;
import java.util.Locale;

/**
 * The SHA-256 of a model's outputs on a data set (scores rounded to 6 decimals). Recorded in the
 * card at training time and recomputed by the committed-artefact test: if the code that computes
 * features or scores changes, or the artefacts do not match the data, the digests differ.
 */
public final class ReferencePredictions {
    private ReferencePredictions() {
    }

    /** Digest of the shift scores. */
    public static String shiftAnomaly(ShiftAnomalyModel model, DatasetDir data) {
        StringBuilder b = new StringBuilder();
        for (ShiftScore s : model.score(data)) {
            b.append(s.shiftId()).append(String.format(Locale.ROOT, ":%.6f;", s.score()));
        }
        return Digests.sha256Hex(b.toString());
    }

    /** Digest of the exception assessments of every held invoice. */
    public static String exceptionClassifier(ExceptionClassifier model, DatasetDir data) {
        StringBuilder b = new StringBuilder();
        for (ExceptionAssessment a : model.classifyHeld(data)) {
            b.append(a.invoiceId()).append(':').append(a.rootCause()).append(String.format(Locale.ROOT, ":%.6f:", a.rootCauseConfidence()))
                    .append(a.action()).append(String.format(Locale.ROOT, ":%.6f;", a.actionConfidence()));
        }
        return Digests.sha256Hex(b.toString());
    }

    /** Digest of the queue order and scores of the data set's exception history. */
    public static String prioritizer(Prioritizer model, DatasetDir data) {
        MatchFacts facts = MatchFacts.of(data);
        StringBuilder b = new StringBuilder();
        java.util.List<io.backroom.ml.priority.QueueItem> queue = new java.util.ArrayList<>();
        data.forEach("exception-history", h -> queue.add(Prioritizer.item(h)));
        for (PriorityScore s : model.prioritize(queue, facts, facts.asOf())) {
            b.append(s.id()).append(String.format(Locale.ROOT, ":%.6f;", s.score()));
        }
        return Digests.sha256Hex(b.toString());
    }
}
