package io.backroom.ml.tribuo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a model's files come from: a directory the user trained into, or the committed artefacts
 * on the class path ({@code io/backroom/ml/models/<name>/}). Missing files are refused with a
 * message saying how to regenerate them.
 */
public interface ArtefactSource {
    /** Opens one file of the model; throws {@link ModelArtefactException} when it is missing. */
    InputStream open(String file);

    /** Whether the file exists. */
    boolean exists(String file);

    /** Where the files are, for messages. */
    String describe();

    /** The command that regenerates the files. */
    String regenerate();

    /** A directory on disk. */
    static ArtefactSource directory(Path dir, String regenerate) {
        return new ArtefactSource() {
            @Override
            public InputStream open(String file) {
                Path p = dir.resolve(file);
                if (!Files.isRegularFile(p)) {
                    throw new ModelArtefactException("Model file " + p + " is missing. Regenerate it with: " + regenerate);
                }
                try {
                    return Files.newInputStream(p);
                } catch (IOException e) {
                    throw new ModelArtefactException("Model file " + p + " cannot be read (" + e.getMessage()
                            + "). Regenerate it with: " + regenerate, e);
                }
            }

            @Override
            public boolean exists(String file) {
                return Files.isRegularFile(dir.resolve(file));
            }

            @Override
            public String describe() {
                return dir.toString();
            }

            @Override
            public String regenerate() {
                return regenerate;
            }
        };
    }

    /** The committed artefacts of a model on the class path. */
    static ArtefactSource classpath(String modelName) {
        String base = "io/backroom/ml/models/" + modelName + "/";
        String regenerate = "backroom-models train --data <demo data set> --out ml-models/models --seed 42 (see ml-models/README.md)";
        ClassLoader loader = ArtefactSource.class.getClassLoader();
        return new ArtefactSource() {
            @Override
            public InputStream open(String file) {
                InputStream in = loader.getResourceAsStream(base + file);
                if (in == null) {
                    throw new ModelArtefactException("Model file " + base + file + " is missing from the class path. Regenerate it with: "
                            + regenerate);
                }
                return in;
            }

            @Override
            public boolean exists(String file) {
                return loader.getResource(base + file) != null;
            }

            @Override
            public String describe() {
                return "classpath:" + base;
            }

            @Override
            public String regenerate() {
                return regenerate;
            }
        };
    }
}
