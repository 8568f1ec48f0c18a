package io.backroom.ml.bench;

import io.backroom.ml.BackroomModels;
import io.backroom.ml.anomaly.IsolationForest;
import io.backroom.ml.anomaly.TabularAnomalyDetector;
import io.backroom.ml.data.DatasetDir;
import io.backroom.ml.documents.DocumentEvaluation;
import io.backroom.ml.documents.DocumentReader;
import io.backroom.ml.eval.RankingMetrics;
import io.backroom.ml.pos.TransactionScorer;
import io.backroom.ml.table.NumericTable;
import io.backroom.ml.testdata.DemoData;
import io.backroom.ml.testdata.RetailShiftTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Measurements for docs/benchmarks/models.md. Run with
 * {@code mvn -B -pl ml-models -am verify -Pbench [-Dbench.heldout=DIR]}; every line printed starts with BENCH.
 */
@Tag("bench")
class ModelsBench {
    private static Path heldOut() {
        return Path.of(System.getProperty("bench.heldout", DemoData.dir().toString()));
    }

    @Test
    void readsAndClassifiesPdfs() throws IOException {
        DocumentReader reader = BackroomModels.fromClasspath().documentReader();
        List<Path> pdfs;
        try (Stream<Path> s = Files.list(heldOut().resolve("pdfs"))) {
            pdfs = s.filter(p -> p.toString().endsWith(".pdf")).sorted().toList();
        }
        for (Path p : pdfs.subList(0, Math.min(20, pdfs.size()))) {
            reader.read(p);
        }
        double[] ms = new double[pdfs.size()];
        for (int i = 0; i < pdfs.size(); i++) {
            long t0 = System.nanoTime();
            reader.read(pdfs.get(i));
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf("BENCH read+classify one PDF: median %.1f ms, p95 %.1f ms over %d PDFs%n", ms[ms.length / 2],
                ms[(int) (ms.length * 0.95)], ms.length);
        System.out.println("BENCH document evaluation " + DocumentEvaluation.evaluate(reader, DatasetDir.open(heldOut()), null));
    }

    @Test
    void scoresPosTransactions(@TempDir Path dir) throws IOException {
        TransactionScorer scorer = new TransactionScorer(BackroomModels.fromClasspath().shiftAnomaly());
        DatasetDir journal = DatasetDir.open(heldOut());
        scorer.scoreToCsv(journal, dir.resolve("warm.csv"));
        long t0 = System.nanoTime();
        long n = scorer.scoreToCsv(journal, dir.resolve("tx.csv"));
        double s = (System.nanoTime() - t0) / 1e9;
        System.out.printf("BENCH score-transactions: %d transactions in %.2f s = %.0f tx/s -> 1,000,000 in %.1f s%n", n, s, n / s, 1e6 / (n / s));
    }

    @Test
    void genericPathAgainstIsolationForest() {
        NumericTable train = RetailShiftTable.generate(5000, 0.03, 101);
        NumericTable test = RetailShiftTable.generate(5000, 0.03, 102);
        long t0 = System.nanoTime();
        TabularAnomalyDetector ours = TabularAnomalyDetector.fit(new NumericTable(train.ids(), train.columns(), train.values(), null),
                "id", 7, 5).detector();
        double fit = (System.nanoTime() - t0) / 1e9;
        long t1 = System.nanoTime();
        IsolationForest forest = IsolationForest.fit(train.values(), 100, 7);
        double fitForest = (System.nanoTime() - t1) / 1e9;
        double[] a = ours.rawScores(test.values());
        double[] b = forest.score(test.values());
        System.out.printf("BENCH generic unsupervised (5000 rows): ROC-AUC %.4f vs isolation forest %.4f; AP %.4f vs %.4f; "
                        + "precision@1%% %.3f vs %.3f; fit %.2f s vs %.2f s%n",
                RankingMetrics.rocAuc(a, test.labels()), RankingMetrics.rocAuc(b, test.labels()),
                RankingMetrics.averagePrecision(a, test.labels()), RankingMetrics.averagePrecision(b, test.labels()),
                RankingMetrics.precisionAtTop(a, test.labels(), 0.01), RankingMetrics.precisionAtTop(b, test.labels(), 0.01), fit, fitForest);
        TabularAnomalyDetector.Fitted sup = TabularAnomalyDetector.fit(train, "id", 7, 5);
        System.out.printf("BENCH generic supervised 5-fold CV: %s vs plain gradient boosting %s; held-out ROC-AUC %.4f%n",
                sup.report().metrics(), sup.report().baselines(),
                RankingMetrics.rocAuc(sup.detector().rawScores(test.values()), test.labels()));
    }
}
