package io.backroom.ml.documents;

import io.backroom.ml.data.DatasetDir;
import io.backroom.ml.tribuo.ArtefactSource;
import io.backroom.ml.tribuo.Digests;
import io.backroom.ml.tribuo.ModelArtefactException;
import io.backroom.ml.tribuo.ModelFiles;
import io.backroom.ml.tribuo.TribuoLogging;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.tribuo.Feature;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LogisticRegressionTrainer;
import org.tribuo.impl.ListExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * GL category of a non-PO expense invoice from its words: Tribuo logistic regression over a bag
 * of folded words (the expense description and supplier name in training, the PDF's text when
 * reading). Words the model never saw are ignored.
 */
public final class GlCategoryModel implements GlCategorizer {
    /** Model name, also its directory under {@code ml-models/models/}. */
    public static final String NAME = "gl-category";
    static final String FILE = "gl-category.tribuo";
    private static final OffsetDateTime FIXED_TIME = OffsetDateTime.ofInstant(Instant.EPOCH, ZoneOffset.UTC);
    private final Model<Label> model;
    private String digest;

    private GlCategoryModel(Model<Label> model) {
        this.model = model;
    }

    /** Trains on the expense invoices of a data set (description + supplier name -> glCategory). */
    public static GlCategoryModel train(DatasetDir data) {
        TribuoLogging.quiet();
        Map<String, String> supplierNames = new LinkedHashMap<>();
        data.forEach("suppliers", s -> supplierNames.put(s.path("id").asText(), s.path("name").asText()));
        LabelFactory factory = new LabelFactory();
        MutableDataset<Label> ds = new MutableDataset<>(new SimpleDataSourceProvenance("expense invoices", FIXED_TIME, factory), factory);
        data.forEach("expense-invoices", e -> {
            String text = e.path("description").asText("") + " " + supplierNames.getOrDefault(e.path("supplierId").asText(), "");
            ListExample<Label> ex = new ListExample<>(new Label(e.path("glCategory").asText()));
            for (String w : words(text)) {
                ex.add(new Feature(w, 1.0));
            }
            if (ex.size() > 0) {
                ds.add(ex);
            }
        });
        if (ds.size() < 10) {
            throw new IllegalArgumentException("only " + ds.size() + " expense invoices to learn GL categories from");
        }
        return new GlCategoryModel(new LogisticRegressionTrainer().train(ds));
    }

    /** Held-out accuracy on the expense descriptions of another data set. */
    public Map<String, Double> evaluate(DatasetDir heldOut) {
        Map<String, String> supplierNames = new LinkedHashMap<>();
        heldOut.forEach("suppliers", s -> supplierNames.put(s.path("id").asText(), s.path("name").asText()));
        int[] counts = new int[2];
        heldOut.forEach("expense-invoices", e -> {
            String text = e.path("description").asText("") + " " + supplierNames.getOrDefault(e.path("supplierId").asText(), "");
            counts[0]++;
            counts[1] += predict(text).category().equals(e.path("glCategory").asText()) ? 1 : 0;
        });
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("expense_invoices", (double) counts[0]);
        m.put("gl_accuracy", counts[0] == 0 ? Double.NaN : counts[1] / (double) counts[0]);
        return m;
    }

    @Override
    public Prediction predict(String documentText) {
        ListExample<Label> ex = new ListExample<>(LabelFactory.UNKNOWN_LABEL);
        Set<String> words = words(documentText);
        for (String w : words) {
            ex.add(new Feature(w, 1.0));
        }
        if (ex.size() == 0) {
            ex.add(new Feature("w=", 1.0));
        }
        org.tribuo.Prediction<Label> p = model.predict(ex);
        Map<String, Label> scores = p.getOutputScores();
        double sum = scores.values().stream().mapToDouble(l -> Math.exp(l.getScore())).sum();
        Label best = p.getOutput();
        double conf = scores.isEmpty() ? 0 : Math.exp(scores.get(best.getLabel()).getScore()) / sum;
        List<String> known = new ArrayList<>();
        for (String w : words) {
            if (model.getFeatureIDMap().get(w) != null && known.size() < 4) {
                known.add(w.substring(2));
            }
        }
        return new Prediction(best.getLabel(), conf, String.format(Locale.ROOT, "%s from the words %s", best.getLabel(), known));
    }

    @Override
    public synchronized String digest() {
        if (digest == null) {
            digest = HexFormat.of().formatHex(Digests.sha256().digest(model.serialize().toByteArray()));
        }
        return digest;
    }

    static Set<String> words(String text) {
        Set<String> out = new LinkedHashSet<>();
        for (String w : Text.fold(text).split("[^a-z]+")) {
            if (w.length() >= 3) {
                out.add("w=" + w);
            }
        }
        return out;
    }

    /** Saves the Tribuo model. */
    public void save(Path dir) throws IOException {
        ModelFiles.save(model, dir.resolve(FILE));
    }

    /** Loads a saved model. */
    public static GlCategoryModel load(ArtefactSource source) {
        try (InputStream in = source.open(FILE)) {
            return new GlCategoryModel(ModelFiles.load(in, source.describe() + "/" + FILE, Label.class, source.regenerate()));
        } catch (IOException e) {
            throw new ModelArtefactException("Model file " + source.describe() + "/" + FILE + " cannot be read. Regenerate it with: "
                    + source.regenerate(), e);
        }
    }
}
