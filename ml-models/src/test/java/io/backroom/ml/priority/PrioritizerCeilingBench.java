package io.backroom.ml.priority;

import io.backroom.ml.BackroomModels;
import io.backroom.ml.data.DatasetDir;
import io.backroom.ml.testdata.DemoData;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The committed prioritiser against its ceiling on held-out sets: the share of the oracle order's value
 * ({@link QueueValue}: recoverable money weighted by the payment deadline) that the learned order captures in the first
 * 20 % of the queue, beside FIFO and largest-first on the same queue in the same run.
 * Run: {@code mvn -B -pl ml-models -am verify -Pbench -Dtest=PrioritizerCeilingBench -Dsurefire.failIfNoSpecifiedTests=false
 * -Dbench.priority.sets=DIR[,DIR...]}.
 */
@Tag("bench")
class PrioritizerCeilingBench {
    @Test
    void comparesTheLearnedOrderWithTheOracleFifoAndLargestFirst() {
        String sets = System.getProperty("bench.priority.sets", System.getProperty("bench.heldout", DemoData.dir().toString()));
        Prioritizer model = BackroomModels.fromClasspath().prioritizer();
        for (String set : sets.split(",")) {
            Map<String, Double> m = model.evaluate(DatasetDir.open(Path.of(set.trim())));
            System.out.printf(Locale.ROOT, "BENCH prioritiser %s: %.0f queue items; share of the oracle's value in the first 20 %%: "
                            + "learned %.4f, FIFO %.4f, largest-first %.4f; share of recoverable money in the first 20 %%: learned %.4f, "
                            + "FIFO %.4f, largest-first %.4f%n", set, m.get("queue_items"), m.get("oracle_value_share_top20"),
                    m.get("fifo_oracle_value_share_top20"), m.get("largest_first_oracle_value_share_top20"), m.get("recoverable_share_top20"),
                    m.get("fifo_recoverable_share_top20"), m.get("largest_first_recoverable_share_top20"));
        }
    }
}
