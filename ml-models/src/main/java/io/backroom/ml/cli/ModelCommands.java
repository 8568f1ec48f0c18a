package io.backroom.ml.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.backroom.ml.BackroomModels;
import io.backroom.ml.data.DatasetDir;
import io.backroom.ml.documents.DocumentEvaluation;
import io.backroom.ml.documents.DocumentReader;
import io.backroom.ml.documents.DocumentResult;
import io.backroom.ml.documents.HeaderFields;
import io.backroom.ml.exceptions.ExceptionAssessment;
import io.backroom.ml.exceptions.ExceptionClassifier;
import io.backroom.ml.exceptions.MatchFacts;
import io.backroom.ml.explain.Reason;
import io.backroom.ml.pos.ShiftAnomalyModel;
import io.backroom.ml.pos.TransactionScorer;
import io.backroom.ml.priority.PriorityScore;
import io.backroom.ml.priority.Prioritizer;
import io.backroom.ml.priority.QueueItem;
import io.backroom.ml.training.Retrainer;
import io.backroom.ml.training.TrainingPipeline;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The data-set commands: train, evaluate, retrain and the batch scorers. */
final class ModelCommands {
    private ModelCommands() {
    }

    private static BackroomModels models(CliArgs a) {
        String dir = a.optional("models", null);
        return dir == null ? BackroomModels.fromClasspath() : BackroomModels.fromDirectory(Path.of(dir));
    }

    static int train(List<String> args, PrintStream out) throws IOException {
        CliArgs a = new CliArgs(args, Set.of("data", "heldout", "out", "seed", "only"));
        DatasetDir data = DatasetDir.open(Path.of(a.required("data")));
        DatasetDir heldOut = DatasetDir.open(Path.of(a.required("heldout")));
        long seed = Long.parseLong(a.optional("seed", "42"));
        List<String> only = List.of(a.optional("only", String.join(",", TrainingPipeline.MODELS)).split(","));
        for (String name : only) {
            if (!TrainingPipeline.MODELS.contains(name)) {
                throw new CliArgs.UsageException("--only: unknown model '" + name + "'; one or more of " + TrainingPipeline.MODELS);
            }
        }
        long start = System.nanoTime();
        new TrainingPipeline(out).train(data, heldOut, Path.of(a.required("out")), seed, only);
        out.printf(Locale.ROOT, "trained %s in %.1f s -> %s%n", only, (System.nanoTime() - start) / 1e9, a.required("out"));
        return 0;
    }

    static int evaluate(List<String> args, PrintStream out) {
        CliArgs a = new CliArgs(args, Set.of("data", "models"));
        DatasetDir data = DatasetDir.open(Path.of(a.required("data")));
        BackroomModels models = models(a);
        print(out, ShiftAnomalyModel.NAME, models.shiftAnomaly().evaluate(data));
        print(out, ExceptionClassifier.NAME, models.exceptionClassifier().evaluate(data));
        print(out, Prioritizer.NAME, models.prioritizer().evaluate(data));
        if (data.has("labels/document-labels")) {
            print(out, DocumentReader.NAME, DocumentEvaluation.evaluate(models.documentReader(), data, null));
        }
        return 0;
    }

    private static void print(PrintStream out, String name, Map<String, Double> metrics) {
        out.println(name);
        metrics.forEach((k, v) -> out.printf(Locale.ROOT, "  %-45s %.4f%n", k, v));
    }

    static int classifyDocuments(List<String> args, PrintStream out) throws IOException {
        CliArgs a = new CliArgs(args, Set.of("in", "out", "models"));
        Path in = Path.of(a.required("in"));
        if (!Files.isDirectory(in)) {
            throw new IllegalArgumentException("--in " + in + " is not a directory of PDFs");
        }
        List<DocumentResult> results = models(a).documentReader().readDirectory(in);
        try (BufferedWriter w = writer(Path.of(a.required("out")))) {
            w.write("file,status,message,document_type,type_confidence,gl_category,gl_confidence,supplier_name,document_number,"
                    + "document_date,due_date,po_reference,currency,subtotal,tax_amount,total,reason_1,reason_2,reason_3,model,provenance_hash\n");
            for (DocumentResult r : results) {
                HeaderFields f = r.fields();
                List<String> row = new ArrayList<>(List.of(r.file(), r.status().name(), r.message(),
                        r.documentType() == null ? "" : r.documentType().name(), fmt(r.typeConfidence()),
                        r.glCategory() == null ? "" : r.glCategory(), fmt(r.glConfidence())));
                for (Object v : f == null ? new Object[9] : new Object[] {f.supplierName(), f.documentNumber(), f.documentDate(), f.dueDate(),
                    f.poReference(), f.currency(), f.subtotal() == null ? null : f.subtotal().toPlainString(),
                    f.taxAmount() == null ? null : f.taxAmount().toPlainString(), f.total() == null ? null : f.total().toPlainString()}) {
                    row.add(v == null ? "" : v.toString());
                }
                addReasons(row, r.reasons());
                row.add(r.model());
                row.add(r.provenanceHash());
                w.write(CsvOut.line(row));
            }
        }
        long ok = results.stream().filter(r -> r.status() == DocumentResult.Status.OK).count();
        out.printf(Locale.ROOT, "read %d PDFs: %d OK, %d with a per-file problem -> %s%n", results.size(), ok, results.size() - ok, a.required("out"));
        return 0;
    }

    static int classifyExceptions(List<String> args, PrintStream out) throws IOException {
        CliArgs a = new CliArgs(args, Set.of("in", "data", "out", "models"));
        DatasetDir context = DatasetDir.open(Path.of(a.required("data")));
        List<ExceptionAssessment> results = models(a).exceptionClassifier().classify(context, Path.of(a.required("in")));
        try (BufferedWriter w = writer(Path.of(a.required("out")))) {
            w.write("invoice_id,root_cause,root_cause_confidence,action,action_confidence,reason_1,reason_2,reason_3,model,provenance_hash\n");
            for (ExceptionAssessment r : results) {
                List<String> row = new ArrayList<>(List.of(r.invoiceId(), r.rootCause(), fmt(r.rootCauseConfidence()), r.action(),
                        fmt(r.actionConfidence())));
                addReasons(row, r.reasons());
                row.add(r.model());
                row.add(r.provenanceHash());
                w.write(CsvOut.line(row));
            }
        }
        out.printf(Locale.ROOT, "classified %d held invoices -> %s%n", results.size(), a.required("out"));
        return 0;
    }

    static int prioritize(List<String> args, PrintStream out) throws IOException {
        CliArgs a = new CliArgs(args, Set.of("in", "data", "out", "models", "today"));
        DatasetDir context = DatasetDir.open(Path.of(a.required("data")));
        MatchFacts facts = MatchFacts.of(context);
        ObjectMapper json = new ObjectMapper();
        List<QueueItem> queue = new ArrayList<>();
        int lineNo = 0;
        Path in = Path.of(a.required("in"));
        for (String line : Files.readAllLines(in, StandardCharsets.UTF_8)) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            JsonNode node;
            try {
                node = json.readTree(line);
            } catch (com.fasterxml.jackson.core.JacksonException e) {
                throw new IllegalArgumentException(in + " line " + lineNo + ": not valid JSON (" + e.getOriginalMessage() + ")", e);
            }
            for (String field : List.of("id", "invoiceId", "amountAtRisk")) {
                if (!node.hasNonNull(field)) {
                    throw new IllegalArgumentException(in + " line " + lineNo + ": field '" + field + "' is missing");
                }
            }
            queue.add(Prioritizer.item(node));
        }
        LocalDate today = LocalDate.parse(a.optional("today", facts.asOf().toString()));
        List<PriorityScore> ranked = models(a).prioritizer().prioritize(queue, facts, today);
        try (BufferedWriter w = writer(Path.of(a.required("out")))) {
            w.write("rank,id,score,expected_recovery,discount_value,due_value,age_value,criticality,reason_1,reason_2,reason_3,model,provenance_hash\n");
            for (PriorityScore s : ranked) {
                List<String> row = new ArrayList<>(List.of(Integer.toString(s.rank()), s.id(), fmt(s.score()), fmt(s.expectedRecovery()),
                        fmt(s.discountValue()), fmt(s.dueValue()), fmt(s.ageValue()), fmt(s.criticality())));
                addReasons(row, s.reasons());
                row.add(s.model());
                row.add(s.provenanceHash());
                w.write(CsvOut.line(row));
            }
        }
        out.printf(Locale.ROOT, "prioritised %d exceptions as of %s -> %s%n", ranked.size(), today, a.required("out"));
        return 0;
    }

    static int scoreTransactions(List<String> args, PrintStream out) throws IOException {
        CliArgs a = new CliArgs(args, Set.of("in", "out", "models"));
        DatasetDir journal = DatasetDir.open(Path.of(a.required("in")));
        long start = System.nanoTime();
        long n = new TransactionScorer(models(a).shiftAnomaly()).scoreToCsv(journal, Path.of(a.required("out")));
        out.printf(Locale.ROOT, "scored %d transactions in %.1f s -> %s%n", n, (System.nanoTime() - start) / 1e9, a.required("out"));
        return 0;
    }

    static int retrain(List<String> args, PrintStream out) throws IOException {
        CliArgs a = new CliArgs(args, Set.of("model", "data", "heldout", "feedback", "models", "seed"));
        return new Retrainer(out).retrain(a.required("model"), DatasetDir.open(Path.of(a.required("data"))),
                DatasetDir.open(Path.of(a.required("heldout"))), Path.of(a.required("feedback")), Path.of(a.required("models")),
                Long.parseLong(a.optional("seed", "42"))) ? 0 : 3;
    }

    private static void addReasons(List<String> row, List<Reason> reasons) {
        for (int i = 0; i < 3; i++) {
            row.add(i < reasons.size() ? reasons.get(i).text() : "");
        }
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    private static BufferedWriter writer(Path file) throws IOException {
        if (file.toAbsolutePath().getParent() != null) {
            Files.createDirectories(file.toAbsolutePath().getParent());
        }
        return Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    }
}
