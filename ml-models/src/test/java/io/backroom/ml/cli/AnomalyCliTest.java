package io.backroom.ml.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.backroom.ml.table.NumericTable;
import io.backroom.ml.testdata.RetailShiftTable;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnomalyCliTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return ModelsCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void fitsOnACsvExportAndScoresAnotherOneWithReasonsAndProvenance(@TempDir Path dir) throws IOException {
        NumericTable train = RetailShiftTable.generate(800, 0.05, 21);
        RetailShiftTable.writeCsv(train, dir.resolve("train.csv"), true);
        RetailShiftTable.writeCsv(RetailShiftTable.generate(300, 0.03, 22), dir.resolve("new.csv"), false);

        assertThat(run("anomaly", "fit", "--csv", dir.resolve("train.csv").toString(), "--id", "shift_id",
                "--ignore", "store_note", "--label", "is_fraud", "--out", dir.resolve("model").toString())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("supervised model on 800 rows")
                .contains("nested 5-fold cross-validation").contains("logistic regression baseline");
        assertThat(dir.resolve("model/card.md")).content().contains("nested_cv_roc_auc").contains("Intended use")
                .contains("`booster-raw.tribuo` sha256").contains("`pipeline.json` sha256");

        assertThat(run("anomaly", "score", "--model", dir.resolve("model").toString(),
                "--csv", dir.resolve("new.csv").toString(), "--out", dir.resolve("scores.csv").toString())).isZero();
        List<String> lines = Files.readAllLines(dir.resolve("scores.csv"));
        assertThat(lines).hasSize(301);
        assertThat(lines.get(0)).isEqualTo("id,score,percentile,flagged,reason_1,reason_2,reason_3,model,provenance_hash");
        assertThat(lines.get(1)).startsWith("S000000,").contains("tabular-anomaly 2.0");
    }

    @Test
    void unsupervisedFitWritesACardWithItsMetricsAndArtefacts(@TempDir Path dir) throws IOException {
        RetailShiftTable.writeCsv(RetailShiftTable.generate(600, 0.03, 23), dir.resolve("train.csv"), false);
        assertThat(run("anomaly", "fit", "--csv", dir.resolve("train.csv").toString(), "--id", "shift_id",
                "--ignore", "store_note", "--out", dir.resolve("model").toString())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("no labels").contains("one_class_svm");
        String card = Files.readString(dir.resolve("model/card.md"));
        assertThat(card).contains("| weight_one_class_svm |").contains("| seed_stability_spearman |")
                .contains("`oneclass-0.tribuo` sha256").contains("`pipeline.json` sha256");
    }

    @Test
    void reportsTheRowAndColumnOfABadValueAndExitsWithOne(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("bad.csv"), "shift_id,a,b\ns1,1,2\ns2,x,3\n");
        assertThat(run("anomaly", "fit", "--csv", dir.resolve("bad.csv").toString(), "--id", "shift_id",
                "--out", dir.resolve("m").toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("row 3, column 'a': 'x' is not a number");
    }

    @Test
    void refusesAnUnknownIdColumnAndUnknownOptions(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("t.csv"), "shift_id,a\ns1,1\n");
        assertThat(run("anomaly", "fit", "--csv", dir.resolve("t.csv").toString(), "--id", "nope", "--out", "x")).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("id column 'nope' is missing");
        assertThat(run("anomaly", "fit", "--colour", "red")).isEqualTo(2);
        assertThat(run("anomaly", "score", "--model", dir.resolve("none").toString(), "--csv", "t.csv", "--out", "o.csv")).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("missing pipeline.json");
    }
}
