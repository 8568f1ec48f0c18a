package io.backroom.sampledata.bench;

import io.backroom.sampledata.generator.GeneratorSettings;
import io.backroom.sampledata.generator.Preset;
import io.backroom.sampledata.generator.Progress;
import io.backroom.sampledata.generator.RetailerGenerator;
import io.backroom.sampledata.io.DataFiles;
import io.backroom.sampledata.io.EntityFile;
import io.backroom.sampledata.io.Manifest;
import io.backroom.sampledata.io.SampleDataset;
import io.backroom.sampledata.model.Invoice;
import io.backroom.sampledata.model.Store;
import io.backroom.sampledata.model.Supplier;
import io.backroom.sampledata.pdf.DocumentRenderer;
import io.backroom.sampledata.pdf.RenderedDocument;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Generator benchmarks (run with {@code -Pbench}; see docs/benchmarks/sample-data.md). Argument: {@code all},
 * {@code demo}, {@code large} or {@code pdf}. Each figure comes with a baseline measured in the same process.
 */
public final class SampleDataBenchmark {
    private SampleDataBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        String what = args.length == 0 ? "all" : args[0];
        Path work = Path.of("target", "bench");
        System.out.printf("cores=%d maxHeap=%d MB load average at start %.1f%n",
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        if (what.equals("all") || what.equals("demo")) {
            generation(Preset.DEMO, work.resolve("demo"), 3);
        }
        if (what.equals("all") || what.equals("pdf")) {
            pdf(work.resolve("demo"));
        }
        if (what.equals("all") || what.equals("large")) {
            generation(Preset.LARGE, work.resolve("large"), 1);
        }
        System.out.printf("load average at end %.1f%n",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static void generation(Preset preset, Path out, int runs) throws IOException {
        double best = Double.MAX_VALUE;
        Manifest manifest = null;
        for (int i = 0; i < runs; i++) {
            delete(out);
            long cpu0 = processCpuNanos();
            long t0 = System.nanoTime();
            manifest = new RetailerGenerator(new GeneratorSettings(preset, 20261102L, GeneratorSettings.DEFAULT_AS_OF,
                    out, preset.gzip(), GeneratorSettings.PdfMode.NONE, 0), Progress.none()).generate();
            double s = (System.nanoTime() - t0) / 1e9;
            System.out.printf("%s generate run %d: %.2f s wall, %.2f s CPU (all threads)%n", preset.name(), i + 1, s,
                    (processCpuNanos() - cpu0) / 1e9);
            best = Math.min(best, s);
        }
        long records = manifest.counts().entrySet().stream().filter(e -> !e.getKey().equals("pdfs"))
                .mapToLong(Map.Entry::getValue).sum();
        // baseline: reading and parsing every record the run wrote, with the public reader
        SampleDataset dataset = SampleDataset.open(out);
        long t0 = System.nanoTime();
        long read = 0;
        for (EntityFile<?> file : DataFiles.ALL) {
            try (Stream<?> s = dataset.stream(file)) {
                read += s.count();
            }
        }
        double readSeconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("%s: best %.2f s for %,d records (%,d POS transactions, %,d invoices) = %,.0f records/s;"
                + " baseline read+parse %.2f s (%,.0f records/s); generate/read ratio %.2f; bytes on disk %,d%n",
                preset.name(), best, records, manifest.counts().get("pos-transactions"),
                manifest.counts().get("invoices"), records / best, readSeconds, read / readSeconds,
                best / readSeconds, size(out));
        if (preset != Preset.DEMO) {
            delete(out);
        }
    }

    private static void pdf(Path demo) throws IOException {
        SampleDataset dataset = Files.exists(demo.resolve(DataFiles.MANIFEST)) ? SampleDataset.open(demo)
                : SampleDataset.demo();
        Map<String, Supplier> suppliers = dataset.readAll(DataFiles.SUPPLIERS).stream()
                .collect(Collectors.toMap(Supplier::id, Function.identity()));
        Map<String, Store> stores = dataset.readAll(DataFiles.STORES).stream()
                .collect(Collectors.toMap(Store::id, Function.identity()));
        List<Invoice> invoices = new ArrayList<>();
        try (Stream<Invoice> s = dataset.stream(DataFiles.INVOICES)) {
            s.limit(600).forEach(invoices::add);
        }
        try (DocumentRenderer renderer = new DocumentRenderer(suppliers::get, stores::get)) {
            for (int round = 0; round < 2; round++) {
                for (int i = 0; i < 300; i++) {
                    renderer.invoice(invoices.get(i));
                }
            }
            long pages = 0;
            long bytes = 0;
            long t0 = System.nanoTime();
            for (Invoice inv : invoices) {
                RenderedDocument doc = renderer.invoice(inv);
                pages += doc.pages();
                bytes += doc.pdf().length;
            }
            double s = (System.nanoTime() - t0) / 1e9;
            double baseline = blankPagesPerSecond(pages);
            System.out.printf("pdf: %d invoices, %d pages in %.2f s = %.0f pages/s (%.1f KB/doc); baseline one-line "
                    + "page with the same embedded font %.0f pages/s; ratio %.2f%n", invoices.size(), pages, s,
                    pages / s, bytes / 1024.0 / invoices.size(), baseline, (pages / s) / baseline);
        }
    }

    /** Pages per second for a one-line page with an embedded TTF subset: PDFBox's floor for this work. */
    private static double blankPagesPerSecond(long pages) throws IOException {
        byte[] ttf;
        try (var in = SampleDataBenchmark.class.getResourceAsStream(
                "/io/backroom/sampledata/fonts/LiberationSans-Regular.ttf")) {
            ttf = in.readAllBytes();
        }
        onePageDocuments(ttf, 300);
        long t0 = System.nanoTime();
        onePageDocuments(ttf, pages);
        return pages / ((System.nanoTime() - t0) / 1e9);
    }

    private static void onePageDocuments(byte[] ttf, long pages) throws IOException {
        for (long i = 0; i < pages; i++) {
            try (PDDocument doc = new PDDocument()) {
                PDPage page = new PDPage();
                doc.addPage(page);
                PDType0Font font = PDType0Font.load(doc, new java.io.ByteArrayInputStream(ttf));
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    cs.beginText();
                    cs.setFont(font, 10);
                    cs.newLineAtOffset(50, 700);
                    cs.showText("Invoice 12345 total 1,234.56");
                    cs.endText();
                }
                doc.save(new java.io.ByteArrayOutputStream());
            }
        }
    }

    /** CPU time of this process so far: on a shared, loaded machine a fairer figure than wall time. */
    private static long processCpuNanos() {
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
    }

    private static long size(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        }
    }

    private static void delete(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
