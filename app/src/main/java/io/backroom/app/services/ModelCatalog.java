package io.backroom.app.services;

import java.util.List;

/**
 * Which local models the console runs, for the status bar and the audit log. Implemented over the
 * ml-models facades once they ship; until then the console reports that none are loaded.
 */
@FunctionalInterface
public interface ModelCatalog {

    /** The loaded models, for example "exception-classifier 1.0.0". Slow on first call: not on the UI thread. */
    List<ModelInfo> loaded();

    /** No local models. */
    static ModelCatalog none() {
        return List::of;
    }

    /**
     * One loaded model.
     *
     * @param name           its name
     * @param version        its version
     * @param provenanceHash its provenance / training-data fingerprint
     */
    record ModelInfo(String name, String version, String provenanceHash) {
    }
}
