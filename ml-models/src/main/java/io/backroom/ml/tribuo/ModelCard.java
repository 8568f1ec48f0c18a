package io.backroom.ml.tribuo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The card written beside every model artefact ({@code card.json} for machines, {@code card.md}
 * for people): what the model is for, what it was trained on (row count and SHA-256 fingerprint of
 * the training data), its metrics on held-out data next to its baselines, its decision
 * thresholds, its known limits and the Tribuo provenance of the trainer.
 *
 * <p>Tribuo's own {@code ModelCard} (tribuo-interop-modelcard) records the training time and host
 * inside the card, which would make re-training never byte-identical; this card keeps only
 * deterministic facts so the reproducibility test can compare cards exactly.
 *
 * @param name              the model name, also its directory under {@code ml-models/models/}
 * @param version           the model version (bumped on promotion)
 * @param task              what the model predicts
 * @param algorithm         the learning algorithm(s)
 * @param intendedUse       intended use, in words
 * @param limits            known limits, in words
 * @param features          the input feature names (labels and generator-only fields never appear)
 * @param seed              the training seed
 * @param trainingRows      rows used for training
 * @param trainingFingerprint SHA-256 of the canonical training data
 * @param heldOut           how the held-out metrics were obtained
 * @param metrics           held-out metrics of this model
 * @param baselines         the same metrics for the baselines, measured on the same data
 * @param thresholds        decision thresholds
 * @param artefacts         SHA-256 of each artefact file, by file name
 * @param tribuoVersion     the Tribuo version that trained the model
 * @param tribuoProvenance  Tribuo's trainer provenance (hyper-parameters and seed)
 * @param referencePredictions SHA-256 of the model's outputs on its own training data set: the
 *                          committed-artefact test recomputes it to prove the artefacts match the code
 */
public record ModelCard(
        String name,
        String version,
        String task,
        String algorithm,
        String intendedUse,
        List<String> limits,
        List<String> features,
        long seed,
        int trainingRows,
        String trainingFingerprint,
        String heldOut,
        Map<String, Double> metrics,
        Map<String, Double> baselines,
        Map<String, Double> thresholds,
        Map<String, String> artefacts,
        String tribuoVersion,
        String tribuoProvenance,
        String referencePredictions) {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    /** Copies the collections into sorted, immutable ones. */
    public ModelCard {
        limits = List.copyOf(limits);
        features = List.copyOf(features);
        metrics = sorted(metrics);
        baselines = sorted(baselines);
        thresholds = sorted(thresholds);
        artefacts = sorted(artefacts);
    }

    private static <V> Map<String, V> sorted(Map<String, V> map) {
        return java.util.Collections.unmodifiableMap(new TreeMap<>(map));
    }

    /** Writes {@code card.json} and {@code card.md} into the directory. */
    public void writeTo(Path directory) throws IOException {
        Files.createDirectories(directory);
        Files.writeString(directory.resolve("card.json"), JSON.writeValueAsString(this) + "\n", StandardCharsets.UTF_8);
        Files.writeString(directory.resolve("card.md"), toMarkdown(), StandardCharsets.UTF_8);
    }

    /** Reads {@code card.json}. */
    public static ModelCard read(Path file) throws IOException {
        return JSON.readValue(file.toFile(), ModelCard.class);
    }

    /** Reads a card from a stream. */
    public static ModelCard read(InputStream in) throws IOException {
        return JSON.readValue(in, ModelCard.class);
    }

    /** The human-readable card. */
    public String toMarkdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Model card: ").append(name).append(" (version ").append(version).append(")\n\n");
        md.append("**Task.** ").append(task).append("\n\n");
        md.append("**Algorithm.** ").append(algorithm).append("\n\n");
        md.append("**Intended use.** ").append(intendedUse).append("\n\n");
        md.append("## Training data\n\n");
        md.append("- rows: ").append(trainingRows).append("\n");
        md.append("- fingerprint (SHA-256): `").append(trainingFingerprint).append("`\n");
        md.append("- seed: ").append(seed).append("\n");
        md.append("- features: ").append(String.join(", ", features)).append("\n");
        md.append("- reference predictions (SHA-256 of outputs on the training set): `").append(referencePredictions).append("`\n\n");
        md.append("## Held-out evaluation\n\n").append(heldOut).append("\n\n");
        md.append("| metric | this model | baseline |\n|---|---|---|\n");
        TreeMap<String, Double> all = new TreeMap<>(metrics);
        baselines.keySet().forEach(k -> all.putIfAbsent(k, null));
        for (String key : all.keySet()) {
            Double mine = metrics.get(key);
            md.append("| ").append(key).append(" | ").append(format(mine)).append(" | ");
            md.append(format(baselines.get(key))).append(" |\n");
        }
        md.append("\n## Thresholds\n\n");
        thresholds.forEach((k, v) -> md.append("- ").append(k).append(": ").append(format(v)).append("\n"));
        md.append("\n## Known limits\n\n");
        limits.forEach(l -> md.append("- ").append(l).append("\n"));
        md.append("\n## Artefacts\n\n");
        artefacts.forEach((k, v) -> md.append("- `").append(k).append("` sha256 `").append(v).append("`\n"));
        md.append("\n## Provenance\n\nTribuo ").append(tribuoVersion).append("\n\n```\n").append(tribuoProvenance).append("\n```\n");
        return md.toString();
    }

    private static String format(Double value) {
        return value == null ? "-" : String.format(Locale.ROOT, "%.4f", value);
    }
}
