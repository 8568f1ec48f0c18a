package io.backroom.ml.anomaly;

import io.backroom.ml.tribuo.TribuoLogging;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.anomaly.AnomalyFactory;
import org.tribuo.anomaly.Event;
import org.tribuo.anomaly.libsvm.LibSVMAnomalyTrainer;
import org.tribuo.anomaly.libsvm.SVMAnomalyType;
import org.tribuo.common.libsvm.KernelType;
import org.tribuo.common.libsvm.SVMParameters;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/** Tribuo's one-class SVM (libsvm, RBF kernel) on clipped z-scores of a seeded sample of the rows. */
final class TribuoOneClass {
    static final double CLIP = 10.0;
    private static final int MAX_TRAIN = 1500;
    private static final OffsetDateTime FIXED_TIME = OffsetDateTime.ofInstant(Instant.EPOCH, ZoneOffset.UTC);

    private final Model<Event> model;
    private final String[] names;

    TribuoOneClass(Model<Event> model, int features) {
        this.model = model;
        this.names = featureNames(features);
    }

    Model<Event> model() {
        return model;
    }

    static TribuoOneClass fit(double[][] z, String description, long seed) {
        return fit(z, description, seed, 0.05, MAX_TRAIN);
    }

    /** One SVM on a seeded sample of at most {@code maxTrain} rows, RBF gamma 1/(2d), the given nu. */
    static TribuoOneClass fit(double[][] z, String description, long seed, double nu, int maxTrain) {
        return fit(z, description, seed, nu, maxTrain, 1.0 / (2.0 * z[0].length));
    }

    /** One SVM on a seeded sample of at most {@code maxTrain} rows, RBF with the given gamma and nu. */
    static TribuoOneClass fit(double[][] z, String description, long seed, double nu, int maxTrain, double gamma) {
        TribuoLogging.quiet();
        int d = z[0].length;
        String[] names = featureNames(d);
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < z.length; i++) {
            rows.add(i);
        }
        java.util.Collections.shuffle(rows, new Random(seed));
        AnomalyFactory factory = new AnomalyFactory();
        MutableDataset<Event> data = new MutableDataset<>(
                new SimpleDataSourceProvenance(description, FIXED_TIME, factory), factory);
        for (int i = 0; i < Math.min(maxTrain, rows.size()); i++) {
            data.add(new ArrayExample<>(AnomalyFactory.EXPECTED_EVENT, names, clip(z[rows.get(i)])));
        }
        SVMParameters<Event> params = new SVMParameters<>(
                new SVMAnomalyType(SVMAnomalyType.SVMMode.ONE_CLASS), KernelType.RBF);
        params.setGamma(gamma);
        params.setNu(nu);
        Model<Event> model = new LibSVMAnomalyTrainer(params, seed).train(data);
        return new TribuoOneClass(model, d);
    }

    /** Higher is more anomalous: the negated SVM decision value. */
    double score(double[] z) {
        return -model.predict(new ArrayExample<>(AnomalyFactory.UNKNOWN_EVENT, names, clip(z))).getOutput().getScore();
    }

    private static double[] clip(double[] z) {
        double[] out = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            out[i] = Math.max(-CLIP, Math.min(CLIP, z[i]));
        }
        return out;
    }

    static String[] featureNames(int d) {
        String[] names = new String[d];
        for (int i = 0; i < d; i++) {
            names[i] = String.format(java.util.Locale.ROOT, "f%03d", i);
        }
        return names;
    }
}
