package io.backroom.ml.data;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import java.util.zip.GZIPInputStream;

/**
 * Reads a data-set folder in the sample-data on-disk format (see {@code sample-data/README.md}):
 * {@code manifest.json}, one JSON Lines file per entity ({@code <name>.jsonl} or
 * {@code <name>.jsonl.gz}), ground truth under {@code labels/} and PDFs under {@code pdfs/}. This
 * is ml-models' own reader of the documented format; it does not use the sample-data code.
 */
public final class DatasetDir {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path root;
    private final JsonNode manifest;

    private DatasetDir(Path root, JsonNode manifest) {
        this.root = root;
        this.manifest = manifest;
    }

    /** Opens a folder; fails with a clear message if it has no readable manifest. */
    public static DatasetDir open(Path root) {
        Path manifest = root.resolve("manifest.json");
        if (!Files.isRegularFile(manifest)) {
            throw new DatasetFormatException(root + " is not a data set: manifest.json is missing "
                    + "(generate one with the sample-data generator)");
        }
        try {
            return new DatasetDir(root, JSON.readTree(manifest.toFile()));
        } catch (IOException e) {
            throw new DatasetFormatException(manifest + " is not valid JSON: " + e.getMessage(), e);
        }
    }

    /** The folder. */
    public Path root() {
        return root;
    }

    /** The manifest (seed, as-of date, counts...). */
    public JsonNode manifest() {
        return manifest;
    }

    /** The as-of date ("today" of the data set). */
    public java.time.LocalDate asOf() {
        return java.time.LocalDate.parse(manifest.path("asOf").asText("2026-11-02"));
    }

    /** Whether the entity file exists (plain or gzipped). */
    public boolean has(String name) {
        return file(name) != null;
    }

    /** The path of a PDF (or any file) relative to the root. */
    public Path resolve(String relative) {
        return root.resolve(relative);
    }

    /** Streams the records of {@code <name>.jsonl[.gz]} lazily; close the stream. */
    public Stream<JsonNode> stream(String name) {
        Path file = file(name);
        if (file == null) {
            throw new DatasetFormatException(root + ": " + name + ".jsonl(.gz) is missing");
        }
        try {
            InputStream in = Files.newInputStream(file);
            if (file.getFileName().toString().endsWith(".gz")) {
                in = new GZIPInputStream(in, 1 << 16);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
            Iterator<JsonNode> it = new Iterator<>() {
                private JsonNode next;
                private int lineNo;

                @Override
                public boolean hasNext() {
                    if (next != null) {
                        return true;
                    }
                    try {
                        String line;
                        do {
                            line = reader.readLine();
                            lineNo++;
                        } while (line != null && line.isBlank());
                        if (line == null) {
                            return false;
                        }
                        next = JSON.readTree(line);
                        return true;
                    } catch (JacksonException e) {
                        throw new DatasetFormatException(file + " line " + lineNo + ": not valid JSON: " + e.getOriginalMessage(), e);
                    } catch (IOException e) {
                        throw new UncheckedIOException(file + " line " + lineNo, e);
                    }
                }

                @Override
                public JsonNode next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException();
                    }
                    JsonNode n = next;
                    next = null;
                    return n;
                }
            };
            return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED), false)
                    .onClose(() -> {
                        try {
                            reader.close();
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + file, e);
        }
    }

    /** Applies the action to every record of a file. */
    public void forEach(String name, Consumer<JsonNode> action) {
        try (Stream<JsonNode> s = stream(name)) {
            s.forEach(action);
        }
    }

    /** SHA-256 over the bytes of the named files, in order: the training-data fingerprint. */
    public String fingerprint(String... names) {
        MessageDigest md = io.backroom.ml.tribuo.Digests.sha256();
        for (String name : names) {
            Path f = file(name);
            if (f == null) {
                continue;
            }
            md.update(name.getBytes(StandardCharsets.UTF_8));
            try (InputStream in = Files.newInputStream(f)) {
                byte[] buf = new byte[1 << 16];
                int n;
                while ((n = in.read(buf)) > 0) {
                    md.update(buf, 0, n);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private Path file(String name) {
        Path plain = root.resolve(name + ".jsonl");
        if (Files.isRegularFile(plain)) {
            return plain;
        }
        Path gz = root.resolve(name + ".jsonl.gz");
        return Files.isRegularFile(gz) ? gz : null;
    }
}
