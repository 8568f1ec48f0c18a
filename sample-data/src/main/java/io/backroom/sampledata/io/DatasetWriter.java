package io.backroom.sampledata.io;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Streams records to the files of a data set. Open one {@link Sink} per file, write records one by one (nothing
 * is held in memory), close it, and finish with {@link #writeManifest}.
 */
public final class DatasetWriter {
    private final Path root;
    private final boolean gzip;
    private final Map<String, Long> counts = new TreeMap<>();

    /**
     * @param root folder to write to; created if missing
     * @param gzip write {@code .jsonl.gz} instead of {@code .jsonl}
     */
    public DatasetWriter(Path root, boolean gzip) {
        this.root = root;
        this.gzip = gzip;
        try {
            Files.createDirectories(root.resolve(DataFiles.LABELS_DIR));
        } catch (IOException e) {
            throw new SampleDataException("Cannot create output folder " + root.toAbsolutePath(), e);
        }
    }

    /** The data set root. */
    public Path root() {
        return root;
    }

    /** Opens {@code file} for writing, replacing any previous content. */
    public <T> Sink<T> open(EntityFile<T> file) {
        Path target = root.resolve(file.path() + (gzip ? ".jsonl.gz" : ".jsonl"));
        try {
            Files.deleteIfExists(root.resolve(file.path() + (gzip ? ".jsonl" : ".jsonl.gz")));
            OutputStream out = Files.newOutputStream(target);
            out = gzip ? new LevelledGzipOutputStream(out) : out;
            return new Sink<>(file, new BufferedOutputStream(out, 1 << 16),
                    SampleJson.mapper().writerFor(file.type()).without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE));
        } catch (IOException e) {
            throw new SampleDataException("Cannot create " + target, e);
        }
    }

    /** Records a count that is not a JSON Lines file (e.g. {@code pdfs}). */
    public void count(String key, long count) {
        counts.merge(key, count, Long::sum);
    }

    /** Line counts of the files closed so far. */
    public Map<String, Long> counts() {
        return new LinkedHashMap<>(counts);
    }

    /** Writes {@code manifest.json} (pretty-printed, keys sorted by the record's order). */
    public void writeManifest(Manifest manifest) {
        Path target = root.resolve(DataFiles.MANIFEST);
        try {
            byte[] json = SampleJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest);
            Files.write(target, json);
        } catch (IOException e) {
            throw new SampleDataException("Cannot write " + target, e);
        }
    }

    /** A file being written. Not thread-safe. */
    public final class Sink<T> implements AutoCloseable {
        private final EntityFile<T> file;
        private final OutputStream out;
        private final JsonGenerator generator;
        private final ObjectWriter writer;
        private long lines;

        private Sink(EntityFile<T> file, OutputStream out, ObjectWriter writer) throws IOException {
            this.file = file;
            this.out = out;
            this.writer = writer;
            this.generator = SampleJson.mapper().getFactory().createGenerator(out);
            this.generator.setRootValueSeparator(null);
            this.generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        }

        /** Appends one record as one line. */
        public void write(T record) {
            try {
                writer.writeValue(generator, record);
                generator.writeRaw('\n');
                lines++;
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot write " + file.path(), e);
            }
        }

        /** Lines written so far. */
        public long lines() {
            return lines;
        }

        @Override
        public void close() {
            try {
                generator.close();
                out.close();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot close " + file.path(), e);
            }
            counts.put(file.countKey(), lines);
        }
    }

    /** gzip with a fixed compression level and a zero timestamp, so equal content gives equal bytes. */
    private static final class LevelledGzipOutputStream extends GZIPOutputStream {
        LevelledGzipOutputStream(OutputStream out) throws IOException {
            super(out, 1 << 16);
            def.setLevel(Deflater.DEFAULT_COMPRESSION);
        }
    }
}
