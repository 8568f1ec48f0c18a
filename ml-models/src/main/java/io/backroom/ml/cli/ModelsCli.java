package io.backroom.ml.cli;

import io.backroom.ml.table.CsvFormatException;
import io.backroom.ml.tribuo.ModelArtefactException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;

/**
 * The {@code backroom-models} command line: training, evaluation and batch scoring. See
 * {@code ml-models/README.md} for every command and its input and output formats.
 */
public final class ModelsCli {
    static final String USAGE = String.join("\n",
            "usage: backroom-models COMMAND [options]",
            "  train                --data DIR --heldout DIR --out DIR [--seed N] [--only MODEL[,MODEL...]]",
            "  evaluate             --data DIR [--models DIR]",
            "  retrain              --model shift-anomaly|exception-classifier --data DIR --heldout DIR --feedback FILE.csv --models DIR [--seed N]",
            "  classify-documents   --in DIR_OF_PDFS --out FILE.csv",
            "  classify-exceptions  --in invoices.jsonl --data DIR --out FILE.csv [--models DIR]",
            "  prioritize           --in exceptions.jsonl --data DIR --out FILE.csv [--today yyyy-MM-dd] [--models DIR]",
            "  score-transactions   --in JOURNAL_DIR --out FILE.csv [--models DIR]",
            "  anomaly fit   --csv FILE --id COL [--ignore COL ...] [--label COL] --out MODEL_DIR [--seed N]",
            "  anomaly score --model MODEL_DIR --csv FILE --out FILE",
            "");

    private ModelsCli() {
    }

    /** Entry point; exits with the command's status. */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs one command; returns 0 on success, 1 on bad input, 2 on bad usage. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        List<String> list = Arrays.asList(args);
        try {
            if (list.size() >= 2 && list.get(0).equals("anomaly") && list.get(1).equals("fit")) {
                return AnomalyCommands.fit(list.subList(2, list.size()), out);
            }
            if (list.size() >= 2 && list.get(0).equals("anomaly") && list.get(1).equals("score")) {
                return AnomalyCommands.score(list.subList(2, list.size()), out);
            }
            if (list.isEmpty()) {
                err.print(USAGE);
                return 2;
            }
            List<String> rest = list.subList(1, list.size());
            switch (list.get(0)) {
                case "train":
                    return ModelCommands.train(rest, out);
                case "evaluate":
                    return ModelCommands.evaluate(rest, out);
                case "retrain":
                    return ModelCommands.retrain(rest, out);
                case "classify-documents":
                    return ModelCommands.classifyDocuments(rest, out);
                case "classify-exceptions":
                    return ModelCommands.classifyExceptions(rest, out);
                case "prioritize":
                    return ModelCommands.prioritize(rest, out);
                case "score-transactions":
                    return ModelCommands.scoreTransactions(rest, out);
                default:
                    err.print(USAGE);
                    return 2;
            }
        } catch (CliArgs.UsageException e) {
            err.println("error: " + e.getMessage());
            err.print(USAGE);
            return 2;
        } catch (CsvFormatException | ModelArtefactException | IllegalArgumentException
                 | io.backroom.ml.data.DatasetFormatException e) {
            err.println("error: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("error: " + e.getMessage());
            return 1;
        } catch (UncheckedIOException e) {
            err.println("error: " + e.getCause().getMessage());
            return 1;
        }
    }
}
