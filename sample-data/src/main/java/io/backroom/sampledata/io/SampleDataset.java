package io.backroom.sampledata.io;

import com.fasterxml.jackson.databind.ObjectReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import java.util.zip.GZIPInputStream;

/**
 * Read access to a data set written by the generator: a folder on disk ({@link #open(Path)}) or the demo set
 * committed on the class path ({@link #demo()}). Files are found as {@code <path>.jsonl} or
 * {@code <path>.jsonl.gz}. Instances are immutable and thread-safe; every stream reads the file afresh.
 *
 * <pre>{@code
 * SampleDataset demo = SampleDataset.demo();
 * List<Supplier> suppliers = demo.readAll(DataFiles.SUPPLIERS);
 * try (Stream<Invoice> invoices = demo.stream(DataFiles.INVOICES)) { ... }
 * }</pre>
 */
public final class SampleDataset {
    /** Class-path folder of the committed demo set. */
    public static final String DEMO_RESOURCE_ROOT = "io/backroom/sampledata/demo/";

    private final Source source;
    private final Manifest manifest;

    private SampleDataset(Source source) {
        this.source = source;
        this.manifest = readManifest();
    }

    /** Opens the data set in {@code root} (the folder holding {@code manifest.json}). */
    public static SampleDataset open(Path root) {
        if (!Files.isRegularFile(root.resolve(DataFiles.MANIFEST))) {
            throw new SampleDataException("No " + DataFiles.MANIFEST + " in " + root.toAbsolutePath()
                    + ": not a Backroom sample data set");
        }
        return new SampleDataset(new DirectorySource(root));
    }

    /** Opens the demo set committed on the class path (see {@code sample-data/README.md} for its seed). */
    public static SampleDataset demo() {
        return new SampleDataset(new ClassPathSource(SampleDataset.class.getClassLoader(), DEMO_RESOURCE_ROOT));
    }

    /** What produced this data set and its line counts. */
    public Manifest manifest() {
        return manifest;
    }

    /** Whether the data set holds {@code file}. */
    public boolean has(EntityFile<?> file) {
        return resolve(file) != null;
    }

    /**
     * The records of {@code file} in file order, read lazily. Close the stream (try-with-resources).
     *
     * @throws SampleDataException if the file is missing; while streaming, if a line is not a valid record
     */
    public <T> Stream<T> stream(EntityFile<T> file) {
        String name = resolve(file);
        if (name == null) {
            throw new SampleDataException("Data set " + source.describe() + " has no file " + file.path()
                    + ".jsonl or " + file.path() + ".jsonl.gz");
        }
        BufferedReader reader = openReader(name);
        LineIterator<T> lines = new LineIterator<>(reader, SampleJson.mapper().readerFor(file.type()),
                source.describe() + "/" + name);
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(lines, Spliterator.ORDERED), false)
                .onClose(lines::close);
    }

    /** Calls {@code action} for every record of {@code file}, in file order. */
    public <T> void forEach(EntityFile<T> file, Consumer<? super T> action) {
        try (Stream<T> records = stream(file)) {
            records.forEach(action);
        }
    }

    /** All records of {@code file} in memory; fine for the demo set, prefer {@link #stream} for large sets. */
    public <T> List<T> readAll(EntityFile<T> file) {
        List<T> all = new ArrayList<>();
        forEach(file, all::add);
        return all;
    }

    /**
     * Opens a PDF by the relative path the records carry ({@code pdfFile}, e.g. {@code pdfs/INV-000123.pdf}).
     *
     * @throws SampleDataException if there is no such PDF
     */
    public InputStream openPdf(String relativePath) {
        if (relativePath.contains("..") || !relativePath.startsWith(DataFiles.PDFS_DIR + "/")) {
            throw new SampleDataException("Not a PDF path of the data set: " + relativePath);
        }
        try {
            InputStream in = source.open(relativePath);
            if (in == null) {
                throw new SampleDataException("Data set " + source.describe() + " has no PDF " + relativePath);
            }
            return in;
        } catch (IOException e) {
            throw new SampleDataException("Cannot open " + relativePath + " in " + source.describe(), e);
        }
    }

    /** Reads a PDF fully; see {@link #openPdf}. */
    public byte[] readPdf(String relativePath) {
        try (InputStream in = openPdf(relativePath)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new SampleDataException("Cannot read " + relativePath + " in " + source.describe(), e);
        }
    }

    private String resolve(EntityFile<?> file) {
        for (String candidate : List.of(file.path() + ".jsonl.gz", file.path() + ".jsonl")) {
            if (source.exists(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private BufferedReader openReader(String name) {
        try {
            InputStream in = source.open(name);
            if (in == null) {
                throw new SampleDataException("Data set " + source.describe() + " has no file " + name);
            }
            InputStream raw = name.endsWith(".gz") ? new GZIPInputStream(in, 1 << 16) : in;
            return new BufferedReader(new InputStreamReader(raw, StandardCharsets.UTF_8), 1 << 16);
        } catch (IOException e) {
            throw new SampleDataException("Cannot open " + name + " in " + source.describe(), e);
        }
    }

    private Manifest readManifest() {
        try (InputStream in = source.open(DataFiles.MANIFEST)) {
            if (in == null) {
                throw new SampleDataException("No " + DataFiles.MANIFEST + " in " + source.describe());
            }
            Manifest read = SampleJson.mapper().readValue(in, Manifest.class);
            if (!Manifest.FORMAT_VERSION.equals(read.formatVersion())) {
                throw new SampleDataException("Data set " + source.describe() + " has format version "
                        + read.formatVersion() + "; this reader understands " + Manifest.FORMAT_VERSION);
            }
            return read;
        } catch (IOException e) {
            throw new SampleDataException("Cannot read " + DataFiles.MANIFEST + " of " + source.describe()
                    + ": " + e.getMessage(), e);
        }
    }

    /** Where the files come from. */
    private interface Source {
        /** The content of {@code relativePath}, or {@code null} if it does not exist. */
        InputStream open(String relativePath) throws IOException;

        boolean exists(String relativePath);

        String describe();
    }

    private record DirectorySource(Path root) implements Source {
        @Override
        public InputStream open(String relativePath) throws IOException {
            try {
                return Files.newInputStream(root.resolve(relativePath));
            } catch (NoSuchFileException e) {
                return null;
            }
        }

        @Override
        public boolean exists(String relativePath) {
            return Files.isRegularFile(root.resolve(relativePath));
        }

        @Override
        public String describe() {
            return root.toString();
        }
    }

    private record ClassPathSource(ClassLoader loader, String base) implements Source {
        @Override
        public InputStream open(String relativePath) {
            return loader.getResourceAsStream(base + relativePath);
        }

        @Override
        public boolean exists(String relativePath) {
            return loader.getResource(base + relativePath) != null;
        }

        @Override
        public String describe() {
            return "classpath:" + base;
        }
    }

    private static final class LineIterator<T> implements Iterator<T>, AutoCloseable {
        private final BufferedReader reader;
        private final ObjectReader json;
        private final String name;
        private String next;
        private long lineNo;

        LineIterator(BufferedReader reader, ObjectReader json, String name) {
            this.reader = reader;
            this.json = json;
            this.name = name;
        }

        @Override
        public boolean hasNext() {
            try {
                while (next == null) {
                    String line = reader.readLine();
                    if (line == null) {
                        return false;
                    }
                    lineNo++;
                    if (!line.isBlank()) {
                        next = line;
                    }
                }
                return true;
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + name + " after line " + lineNo, e);
            }
        }

        @Override
        public T next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            String line = next;
            next = null;
            try {
                return json.readValue(line);
            } catch (IOException e) {
                throw new SampleDataException(name + " line " + lineNo + " is not a valid "
                        + json.getValueType() + ": " + e.getMessage(), e);
            }
        }

        @Override
        public void close() {
            try {
                reader.close();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot close " + name, e);
            }
        }
    }
}
