package io.backroom.ml.tribuo;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Tribuo's trainers log progress through java.util.logging (SGD every 1000 iterations, XGBoost and
 * libsvm per run). Backroom shows none of it; warnings still reach the log.
 */
public final class TribuoLogging {
    private static final Logger TRIBUO = Logger.getLogger("org.tribuo");
    private static final Logger OLCUT = Logger.getLogger("com.oracle.labs.mlrg.olcut");

    private TribuoLogging() {
    }

    /** Raises the Tribuo loggers to WARNING. Idempotent. */
    public static void quiet() {
        TRIBUO.setLevel(Level.WARNING);
        OLCUT.setLevel(Level.WARNING);
        libsvm.svm.svm_set_print_string_function(message -> { });
    }
}
