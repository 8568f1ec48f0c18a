package io.backroom.ml.tribuo;

import com.google.protobuf.InvalidProtocolBufferException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.tribuo.Model;
import org.tribuo.Output;

/**
 * Saves and loads Tribuo models as protobuf files ({@code serializeToFile} /
 * {@code deserializeFromFile}), validating the output type on load. Only load models from trusted
 * locations: the committed artefacts on the class path or files the user trained.
 */
public final class ModelFiles {
    private ModelFiles() {
    }

    /** Writes the model as a Tribuo protobuf file, creating parent directories. */
    public static void save(Model<?> model, Path file) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        model.serializeToFile(file);
    }

    /**
     * Loads a model file and checks it predicts {@code outputType}.
     *
     * @param regenerate the command that rebuilds the file, quoted in every error
     */
    public static <T extends Output<T>> Model<T> load(Path file, Class<T> outputType, String regenerate) {
        if (!Files.isRegularFile(file)) {
            throw new ModelArtefactException("Model file " + file + " is missing. Regenerate it with: " + regenerate);
        }
        try (InputStream in = Files.newInputStream(file)) {
            return load(in, file.toString(), outputType, regenerate);
        } catch (NoSuchFileException e) {
            throw new ModelArtefactException("Model file " + file + " is missing. Regenerate it with: " + regenerate, e);
        } catch (IOException e) {
            throw new ModelArtefactException("Model file " + file + " cannot be read (" + e.getMessage()
                    + "). Regenerate it with: " + regenerate, e);
        }
    }

    /** Loads a model from a stream; {@code source} names it in errors. */
    public static <T extends Output<T>> Model<T> load(InputStream in, String source, Class<T> outputType, String regenerate) {
        Model<?> model;
        try {
            model = Model.deserializeFromStream(in);
        } catch (InvalidProtocolBufferException e) {
            throw new ModelArtefactException("Model file " + source + " is corrupt: it is not a Tribuo protobuf model ("
                    + e.getMessage() + "). Regenerate it with: " + regenerate, e);
        } catch (IOException e) {
            throw new ModelArtefactException("Model file " + source + " cannot be read (" + e.getMessage()
                    + "). Regenerate it with: " + regenerate, e);
        } catch (IllegalStateException | IllegalArgumentException | ClassCastException e) {
            throw new ModelArtefactException("Model file " + source + " is corrupt or from an incompatible Tribuo version ("
                    + e.getMessage() + "). Regenerate it with: " + regenerate, e);
        }
        if (!model.validate(outputType)) {
            String actual = model.getOutputIDInfo().getDomain().isEmpty() ? "unknown"
                    : model.getOutputIDInfo().getDomain().iterator().next().getClass().getSimpleName();
            throw new ModelArtefactException("Model file " + source + " is the wrong type: it predicts " + actual
                    + " outputs but " + outputType.getSimpleName() + " is expected. Regenerate it with: " + regenerate);
        }
        return model.castModel(outputType);
    }
}
