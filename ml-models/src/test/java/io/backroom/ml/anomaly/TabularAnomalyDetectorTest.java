package io.backroom.ml.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backroom.ml.eval.RankingMetrics;
import io.backroom.ml.table.NumericTable;
import io.backroom.ml.testdata.RetailShiftTable;
import io.backroom.ml.tribuo.ModelArtefactException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TabularAnomalyDetectorTest {
    private static final NumericTable TRAIN = RetailShiftTable.generate(3000, 0.03, 11);
    private static final NumericTable TEST = RetailShiftTable.generate(3000, 0.03, 12);

    @Test
    void unsupervisedEnsembleBeatsIsolationForestOnTheSameColumns() {
        NumericTable unlabelled = new NumericTable(TRAIN.ids(), TRAIN.columns(), TRAIN.values(), null);
        TabularAnomalyDetector detector = TabularAnomalyDetector.fit(unlabelled, "shift_id", 7, 5).detector();
        double[] ours = detector.rawScores(TEST.values());
        double[] forest = IsolationForest.fit(TRAIN.values(), 100, 7).score(TEST.values());

        double oursAuc = RankingMetrics.rocAuc(ours, TEST.labels());
        double forestAuc = RankingMetrics.rocAuc(forest, TEST.labels());
        double oursAp = RankingMetrics.averagePrecision(ours, TEST.labels());
        double forestAp = RankingMetrics.averagePrecision(forest, TEST.labels());
        System.out.printf("unsupervised AUC %.4f vs iforest %.4f; AP %.4f vs %.4f%n", oursAuc, forestAuc, oursAp, forestAp);
        assertThat(oursAuc).isGreaterThan(forestAuc);
        assertThat(oursAp).isGreaterThan(forestAp);
    }

    @Test
    void supervisedModelIsReportedByNestedCrossValidationBesideLogisticRegression() {
        TabularAnomalyDetector.Fitted fitted = TabularAnomalyDetector.fit(TRAIN, "shift_id", 7, 3);
        Map<String, Double> ours = fitted.report().metrics();
        Map<String, Double> logistic = fitted.report().baselines();
        System.out.println("supervised " + ours + " vs logistic regression " + logistic);
        assertThat(ours.get("outer_folds_choosing_raw") + ours.get("outer_folds_choosing_engineered")
                + ours.get("outer_folds_choosing_blend")).isEqualTo(3.0);
        assertThat(logistic.get("nested_cv_roc_auc")).isBetween(0.5, 1.0);
        // the planted anomalies are broken ratios between columns: a linear model on z-scores cannot
        // see most of them, boosted trees on the raw columns and the members' ranks can
        assertThat(ours.get("nested_cv_average_precision")).isGreaterThan(logistic.get("nested_cv_average_precision"));
        double heldOutAuc = RankingMetrics.rocAuc(fitted.detector().rawScores(TEST.values()), TEST.labels());
        assertThat(heldOutAuc).isGreaterThan(0.9);
    }

    @Test
    void unsupervisedFitRecordsMemberWeightsAndSeedStability() {
        NumericTable unlabelled = new NumericTable(TRAIN.ids(), TRAIN.columns(), TRAIN.values(), null);
        Map<String, Double> report = TabularAnomalyDetector.fit(unlabelled, "shift_id", 7, 5).report().metrics();
        for (String member : UnsupervisedStack.MEMBERS) {
            assertThat(report.get("weight_" + member)).isBetween(0.0, 1.0);
        }
        assertThat(report.get("seed_stability_spearman")).isGreaterThan(0.9);
    }

    @Test
    void rowsThatAreNotFlaggedSayNothingStandsOutInsteadOfListingUsualColumns() {
        NumericTable unlabelled = new NumericTable(TRAIN.ids(), TRAIN.columns(), TRAIN.values(), null);
        List<AnomalyScore> scores = TabularAnomalyDetector.fit(unlabelled, "shift_id", 7, 5).detector().score(TEST);
        AnomalyScore median = scores.stream().sorted((a, b) -> Double.compare(a.score(), b.score())).toList().get(scores.size() / 2);
        assertThat(median.flagged()).isFalse();
        assertThat(median.reasons()).extracting(r -> r.text()).containsExactly("nothing stands out");
        assertThat(scores).allSatisfy(s -> assertThat(s.reasons()).noneMatch(r -> r.text().contains("within the usual range")));
    }

    @Test
    void savedModelScoresExactlyLikeTheFittedOneWithReasonsAndProvenance(@TempDir Path dir) throws IOException {
        NumericTable unlabelled = new NumericTable(TRAIN.ids(), TRAIN.columns(), TRAIN.values(), null);
        TabularAnomalyDetector fitted = TabularAnomalyDetector.fit(unlabelled, "shift_id", 3, 5).detector();
        fitted.save(dir);
        TabularAnomalyDetector loaded = TabularAnomalyDetector.load(dir);

        List<AnomalyScore> before = fitted.score(TEST);
        List<AnomalyScore> after = loaded.score(TEST);
        assertThat(after).isEqualTo(before);
        AnomalyScore top = after.stream().max((a, b) -> Double.compare(a.score(), b.score())).orElseThrow();
        assertThat(top.reasons()).isNotEmpty();
        assertThat(top.reasons().get(0).text()).containsAnyOf("robust standard deviations", "out of line", "combination");
        assertThat(top.provenanceHash()).hasSize(16);
        assertThat(top.model()).isEqualTo("tabular-anomaly 2.0");
        assertThat(top.flagged()).isTrue();
    }

    @Test
    void refusesModelDirectoryWithoutPipelineOrWithCorruptFiles(@TempDir Path dir) throws IOException {
        assertThatThrownBy(() -> TabularAnomalyDetector.load(dir))
                .isInstanceOf(ModelArtefactException.class).hasMessageContaining("missing pipeline.json")
                .hasMessageContaining("anomaly fit");

        NumericTable small = RetailShiftTable.generate(200, 0.0, 1);
        NumericTable unlabelled = new NumericTable(small.ids(), small.columns(), small.values(), null);
        TabularAnomalyDetector.fit(unlabelled, "shift_id", 1, 5).detector().save(dir);
        Files.write(dir.resolve("oneclass-0.tribuo"), new byte[] {1, 2, 3, 4, 5, 6, 7});
        assertThatThrownBy(() -> TabularAnomalyDetector.load(dir))
                .isInstanceOf(ModelArtefactException.class).hasMessageContaining("corrupt").hasMessageContaining("Regenerate");

        Files.writeString(dir.resolve("pipeline.json"), "{ not json");
        assertThatThrownBy(() -> TabularAnomalyDetector.load(dir))
                .isInstanceOf(ModelArtefactException.class).hasMessageContaining("pipeline.json is corrupt");
    }
}
