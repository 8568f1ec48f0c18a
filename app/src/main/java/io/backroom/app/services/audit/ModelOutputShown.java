package io.backroom.app.services.audit;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A model output as a person saw it: which model (name, version, provenance hash), on what
 * (a hash of its inputs), what it said and how sure it was.
 *
 * @param user           who saw it
 * @param invoiceId      the invoice it was about
 * @param modelName      for example {@code exception-classifier}
 * @param modelVersion   the model's version
 * @param provenanceHash the hash of the model's Tribuo provenance / training data fingerprint
 * @param inputsHash     a hash of the features the model scored
 * @param output         what it said, for example {@code PRICE_INCREASE -> REQUEST_CREDIT}
 * @param confidence     between 0 and 1
 * @param reasons        its top reasons, in words
 */
public record ModelOutputShown(String user, String invoiceId, String modelName, String modelVersion,
                               String provenanceHash, String inputsHash, String output, BigDecimal confidence,
                               List<String> reasons) {
    public ModelOutputShown {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(modelName, "modelName");
        Objects.requireNonNull(modelVersion, "modelVersion");
        Objects.requireNonNull(output, "output");
        if (confidence != null && (confidence.signum() < 0 || confidence.compareTo(BigDecimal.ONE) > 0)) {
            throw new IllegalArgumentException("A confidence lies between 0 and 1, got " + confidence);
        }
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }

    Map<String, String> payload() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("modelVersion", modelVersion);
        p.put("provenanceHash", provenanceHash);
        p.put("inputsHash", inputsHash);
        p.put("output", output);
        p.put("confidence", confidence == null ? null : confidence.toPlainString());
        for (int i = 0; i < reasons.size(); i++) {
            p.put("reason." + (i + 1), reasons.get(i));
        }
        return p;
    }
}
