package io.backroom.app.services.models;

import io.backroom.app.services.ModelCatalog;
import io.backroom.app.tasks.BlockingWorkGuard;
import io.backroom.ml.BackroomModels;
import io.backroom.ml.ap.InvoiceAdvisor;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's local models, loaded once on first use (reading and checking the artefacts takes a second or two:
 * never on the UI thread). A missing or damaged artefact does not stop the console: the models are reported as
 * unavailable, with the reason, and the queue falls back to ranking by money at risk.
 */
public final class LocalModels implements ModelCatalog {
    private static final Logger LOG = LoggerFactory.getLogger(LocalModels.class);
    private final Supplier<BackroomModels> source;
    private boolean tried;
    private InvoiceAdvisor advisor;
    private String problem;

    public LocalModels(Supplier<BackroomModels> source) {
        this.source = source;
    }

    /** The committed models on the class path. */
    public static LocalModels committed() {
        return new LocalModels(BackroomModels::fromClasspath);
    }

    /** The invoice models, loading them on the first call; empty when they cannot be loaded ({@link #problem()}). */
    public synchronized Optional<InvoiceAdvisor> advisor() {
        if (!tried) {
            tried = true;
            BlockingWorkGuard.check("Loading the local models");
            long started = System.nanoTime();
            try {
                advisor = InvoiceAdvisor.load(source.get());
                LOG.info("Local models loaded in {} ms: {}", (System.nanoTime() - started) / 1_000_000, advisor.models());
            } catch (RuntimeException e) {
                problem = "The local models could not be loaded (" + e.getMessage() + "). The queue is ranked by money "
                        + "at risk and no suggestions are shown.";
                LOG.warn("Local models could not be loaded", e);
            }
        }
        return Optional.ofNullable(advisor);
    }

    private boolean triedReader;
    private io.backroom.ml.documents.DocumentReader reader;

    /** The supplier-PDF reader, loaded on the first call; empty when its artefact cannot be loaded. */
    public synchronized Optional<io.backroom.ml.documents.DocumentReader> documentReader() {
        if (!triedReader) {
            triedReader = true;
            BlockingWorkGuard.check("Loading the document reader");
            try {
                reader = source.get().documentReader();
            } catch (RuntimeException e) {
                LOG.warn("The document reader could not be loaded", e);
            }
        }
        return Optional.ofNullable(reader);
    }

    /** Why the models are not available, in words; empty when they are (or were not tried yet). */
    public synchronized Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    @Override
    public List<ModelInfo> loaded() {
        return advisor().map(a -> a.models().stream()
                .map(m -> new ModelInfo(m.name(), m.version(), m.provenanceHash())).toList()).orElse(List.of());
    }
}
