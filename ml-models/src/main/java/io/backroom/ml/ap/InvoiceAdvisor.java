package io.backroom.ml.ap;

import io.backroom.ml.BackroomModels;
import io.backroom.ml.exceptions.ExceptionAssessment;
import io.backroom.ml.exceptions.ExceptionClassifier;
import io.backroom.ml.priority.PriorityScore;
import io.backroom.ml.priority.Prioritizer;
import io.backroom.ml.priority.QueueItem;
import io.backroom.ml.tribuo.ModelCard;
import java.time.LocalDate;
import java.util.List;

/**
 * The console's facade over the invoice models: the exception classifier (root cause and recommended action of a
 * held invoice) and the prioritiser (the order to work the queue in), both over an {@link ApContext} built from Ops
 * API records. Thread-safe once loaded; loading reads and checks the artefacts and is slow (not on a UI thread).
 */
public final class InvoiceAdvisor {
    private final ExceptionClassifier classifier;
    private final Prioritizer prioritizer;
    private final List<ModelVersion> versions;

    private InvoiceAdvisor(ExceptionClassifier classifier, Prioritizer prioritizer, List<ModelVersion> versions) {
        this.classifier = classifier;
        this.prioritizer = prioritizer;
        this.versions = List.copyOf(versions);
    }

    /**
     * A loaded model as the status bar and the audit log name it.
     *
     * @param name           for example {@code exception-classifier}
     * @param version        its version
     * @param provenanceHash the fingerprint of its artefact (training data, parameters, Tribuo provenance)
     * @param trainingFingerprint the fingerprint of its training data, from its model card
     */
    public record ModelVersion(String name, String version, String provenanceHash, String trainingFingerprint) {
    }

    /**
     * Loads the classifier and the prioritiser from {@code models}; a missing, corrupt or wrong-type artefact throws
     * {@link io.backroom.ml.tribuo.ModelArtefactException} naming the file and how to regenerate it.
     */
    public static InvoiceAdvisor load(BackroomModels models) {
        ExceptionClassifier classifier = models.exceptionClassifier();
        Prioritizer prioritizer = models.prioritizer();
        return new InvoiceAdvisor(classifier, prioritizer, List.of(
                version(models, ExceptionClassifier.NAME, ExceptionClassifier.VERSION, classifier.digest()),
                version(models, Prioritizer.NAME, Prioritizer.VERSION, prioritizer.digest())));
    }

    private static ModelVersion version(BackroomModels models, String name, String version, String digest) {
        ModelCard card = models.card(name);
        return new ModelVersion(name, version, digest.length() > 16 ? digest.substring(0, 16) : digest,
                card.trainingFingerprint());
    }

    /** The models behind this advisor. */
    public List<ModelVersion> models() {
        return versions;
    }

    /**
     * Root cause and recommended action, with calibrated confidences and three reasons, for each invoice of
     * {@code invoiceIds} the context holds in full (others are skipped), in one batch.
     */
    public List<ExceptionAssessment> assess(List<String> invoiceIds, ApContext context) {
        return classifier.assess(invoiceIds, context.facts());
    }

    /** The queue in the order to work it, as of {@code today}, each item with its score's parts and reasons. */
    public List<PriorityScore> rank(List<QueueItem> queue, ApContext context, LocalDate today) {
        return prioritizer.prioritize(queue, context.facts(), today);
    }
}
