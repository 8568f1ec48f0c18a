package io.backroom.ml.bench;

import io.backroom.ml.data.DatasetDir;
import io.backroom.ml.documents.DocumentEvaluation;
import io.backroom.ml.documents.DocumentReader;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("bench")
class ScratchEval {
    @Test
    void documents() {
        DatasetDir d = DatasetDir.open(Path.of(System.getProperty("eval.data", "/tmp/bd/train")));
        System.out.println(DocumentEvaluation.evaluate(new DocumentReader(null), d, System.out));
    }
}
