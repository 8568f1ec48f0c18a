package io.backroom.ml.tribuo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 helpers for training-data fingerprints, artefact digests and provenance hashes. */
public final class Digests {
    private Digests() {
    }

    /** A fresh SHA-256 digest. */
    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }

    /** Hex SHA-256 of bytes. */
    public static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    /** Hex SHA-256 of UTF-8 text. */
    public static String sha256Hex(String text) {
        return sha256Hex(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The provenance hash of one output: the model's digest and the exact input it scored, so an
     * output shown to a person can be traced to the artefact and the data that produced it.
     */
    public static String provenanceHash(String modelDigest, String canonicalInput) {
        return sha256Hex(modelDigest + "\n" + canonicalInput).substring(0, 16);
    }
}
