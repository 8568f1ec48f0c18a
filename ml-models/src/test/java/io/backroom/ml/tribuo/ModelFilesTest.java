package io.backroom.ml.tribuo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.xgboost.XGBoostClassificationTrainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.Regressor;

class ModelFilesTest {
    private static final String HOW = "backroom-models train --data DIR --out ml-models/models --seed 42";

    private static Model<Label> tinyClassifier() {
        TribuoLogging.quiet();
        LabelFactory factory = new LabelFactory();
        MutableDataset<Label> data = new MutableDataset<>(new SimpleDataSourceProvenance("tiny", factory), factory);
        for (int i = 0; i < 40; i++) {
            data.add(new ArrayExample<>(new Label(i % 2 == 0 ? "a" : "b"), new String[] {"x"}, new double[] {i % 2 + 0.01 * i}));
        }
        return new XGBoostClassificationTrainer(5).train(data);
    }

    @Test
    void roundTripsAProtobufModel(@TempDir Path dir) throws IOException {
        Model<Label> model = tinyClassifier();
        ModelFiles.save(model, dir.resolve("m/model.tribuo"));
        Model<Label> loaded = ModelFiles.load(dir.resolve("m/model.tribuo"), Label.class, HOW);
        ArrayExample<Label> probe = new ArrayExample<>(LabelFactory.UNKNOWN_LABEL, new String[] {"x"}, new double[] {1.0});
        assertThat(loaded.predict(probe).getOutput().getLabel()).isEqualTo(model.predict(probe).getOutput().getLabel());
    }

    @Test
    void refusesMissingCorruptAndWrongTypeFilesSayingHowToRegenerate(@TempDir Path dir) throws IOException {
        assertThatThrownBy(() -> ModelFiles.load(dir.resolve("none.tribuo"), Label.class, HOW))
                .isInstanceOf(ModelArtefactException.class).hasMessageContaining("is missing").hasMessageContaining(HOW);

        Path corrupt = dir.resolve("corrupt.tribuo");
        Files.writeString(corrupt, "this is not a protobuf model");
        assertThatThrownBy(() -> ModelFiles.load(corrupt, Label.class, HOW))
                .isInstanceOf(ModelArtefactException.class).hasMessageContaining("corrupt").hasMessageContaining(HOW);

        Path classifier = dir.resolve("classifier.tribuo");
        ModelFiles.save(tinyClassifier(), classifier);
        assertThatThrownBy(() -> ModelFiles.load(classifier, Regressor.class, HOW))
                .isInstanceOf(ModelArtefactException.class).hasMessageContaining("wrong type")
                .hasMessageContaining("Regressor is expected").hasMessageContaining(HOW);
    }
}
