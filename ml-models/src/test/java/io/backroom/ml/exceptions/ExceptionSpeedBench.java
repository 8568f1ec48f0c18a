package io.backroom.ml.exceptions;

import io.backroom.ml.BackroomModels;
import io.backroom.ml.data.DatasetDir;
import io.backroom.ml.testdata.DemoData;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Speed of classifying 10,000 held invoices (features precomputed, as the console caches them). */
@Tag("bench")
class ExceptionSpeedBench {
    @Test
    void classifiesTenThousandHeldInvoices() {
        ExceptionClassifier model = BackroomModels.fromClasspath().exceptionClassifier();
        DatasetDir demo = DatasetDir.open(DemoData.dir());
        long f0 = System.nanoTime();
        List<ExceptionClassifier.Example> held = ExceptionClassifier.heldExamples(demo);
        double featureSeconds = (System.nanoTime() - f0) / 1e9;
        List<String> ids = new ArrayList<>();
        List<InvoiceFeatures.Facts> facts = new ArrayList<>();
        for (int i = 0; ids.size() < 10_000; i++) {
            ExceptionClassifier.Example e = held.get(i % held.size());
            ids.add(e.invoiceId() + "#" + i);
            facts.add(e.facts());
        }
        model.assessAll(ids.subList(0, 500), facts.subList(0, 500));
        double best = Double.MAX_VALUE;
        for (int run = 0; run < 5; run++) {
            long t0 = System.nanoTime();
            model.assessAll(ids, facts);
            best = Math.min(best, (System.nanoTime() - t0) / 1e9);
        }
        long s0 = System.nanoTime();
        for (int i = 0; i < 200; i++) {
            model.assess(ids.get(i), facts.get(i));
        }
        double single = (System.nanoTime() - s0) / 1e9 / 200;
        System.out.printf("BENCH classify 10000 held invoices (batch, with reasons): %.3f s (best of 5); one at a time: %.2f ms each "
                + "(ratio %.1fx); match facts for %d demo invoices: %.2f s%n", best, single * 1000, single * 10_000 / best, held.size(), featureSeconds);
    }
}
