package io.backroom.ml;

import io.backroom.ml.documents.DocumentReader;
import io.backroom.ml.exceptions.ExceptionClassifier;
import io.backroom.ml.pos.ShiftAnomalyModel;
import io.backroom.ml.priority.Prioritizer;
import io.backroom.ml.tribuo.ArtefactSource;
import io.backroom.ml.tribuo.ModelArtefactException;
import io.backroom.ml.tribuo.ModelCard;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * The registry of Backroom's models: loads the committed artefacts from the class path
 * ({@code ml-models/models/<name>/}) or from a directory the user trained into, validating each
 * file; a missing, corrupt or wrong-type file is refused with a message saying how to regenerate it.
 */
public final class BackroomModels {
    private final java.util.function.Function<String, ArtefactSource> sources;

    private BackroomModels(java.util.function.Function<String, ArtefactSource> sources) {
        this.sources = sources;
    }

    /** The committed models on the class path. */
    public static BackroomModels fromClasspath() {
        return new BackroomModels(ArtefactSource::classpath);
    }

    /** Models trained into {@code dir/<name>/}. */
    public static BackroomModels fromDirectory(Path dir) {
        return new BackroomModels(name -> ArtefactSource.directory(dir.resolve(name),
                "backroom-models train --data DIR --heldout DIR --out " + dir + " --seed 42"));
    }

    /** The cashier-shift anomaly model. */
    public ShiftAnomalyModel shiftAnomaly() {
        return ShiftAnomalyModel.load(sources.apply(ShiftAnomalyModel.NAME));
    }

    /** The exception classifier. */
    public ExceptionClassifier exceptionClassifier() {
        return ExceptionClassifier.load(sources.apply(ExceptionClassifier.NAME));
    }

    /** The queue prioritiser. */
    public Prioritizer prioritizer() {
        return Prioritizer.load(sources.apply(Prioritizer.NAME));
    }

    /** The document reader, with the GL-category model. */
    public DocumentReader documentReader() {
        return new DocumentReader(io.backroom.ml.documents.GlCategoryModel.load(sources.apply(io.backroom.ml.documents.GlCategoryModel.NAME)));
    }

    /** A model's card. */
    public ModelCard card(String name) {
        ArtefactSource source = sources.apply(name);
        try (InputStream in = source.open("card.json")) {
            return ModelCard.read(in);
        } catch (IOException e) {
            throw new ModelArtefactException("Model card " + source.describe() + "/card.json is corrupt. Regenerate it with: "
                    + source.regenerate(), e);
        }
    }
}
