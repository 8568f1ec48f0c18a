package io.backroom.ml.training;

import io.backroom.ml.tribuo.Digests;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Helpers for the facts a model card records about its artefact files. */
public final class CardFacts {
    private CardFacts() {
    }

    /** SHA-256 of every {@code .tribuo}, {@code .json} (except the card) and {@code .properties} file in a directory. */
    public static Map<String, String> artefactDigests(Path dir) {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                String name = f.getFileName().toString();
                if (name.endsWith(".tribuo") || name.endsWith(".properties") || name.endsWith(".json") && !name.startsWith("card")
                        && !name.startsWith("comparison")) {
                    out.put(name, Digests.sha256Hex(Files.readAllBytes(f)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
