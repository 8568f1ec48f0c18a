package io.backroom.ml.exceptions;

import io.backroom.ml.data.DatasetDir;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("bench")
class ScratchExceptionsTest {
    @Test
    void perClass() {
        DatasetDir train = DatasetDir.open(Path.of("/tmp/bd/train"));
        DatasetDir held = DatasetDir.open(Path.of("/tmp/bd/heldout"));
        ExceptionClassifier c = ExceptionClassifier.train(train, 42);
        List<ExceptionClassifier.Example> ex = ExceptionClassifier.heldExamples(held);
        Map<String, int[]> stats = new TreeMap<>();
        Map<String, Integer> confusion = new TreeMap<>();
        for (var e : ex) {
            var a = c.assess(e.invoiceId(), e.facts());
            stats.computeIfAbsent(e.rootCause(), k -> new int[3])[0]++;
            if (a.rootCause().equals(e.rootCause())) stats.get(e.rootCause())[1]++;
            else confusion.merge(e.rootCause() + " -> " + a.rootCause(), 1, Integer::sum);
            stats.computeIfAbsent(a.rootCause(), k -> new int[3])[2]++;
        }
        stats.forEach((k, v) -> System.out.println(k + " n=" + v[0] + " correct=" + v[1] + " predicted=" + v[2]));
        confusion.forEach((k, v) -> System.out.println(k + " " + v));
        System.out.println(c.evaluate(ex));
    }
}
