package io.backroom.ml.bench;

import io.backroom.ml.documents.DocumentReader;
import io.backroom.ml.testdata.DemoData;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The document reader against plain PDFBox text extraction, same JVM, same PDFs held in memory:
 * baseline = {@code Loader.loadPDF} + {@code PDFTextStripper.getText} of the pages the reader reads
 * (at most 3); reader = {@code DocumentReader.read(name, bytes)} (load, words, type, header fields,
 * checks, provenance hash). Both warm up first, then run interleaved for several rounds. Times are the
 * thread's CPU time per call (median over the rounds), so other processes on a shared box do not
 * inflate the longer task more than the shorter one; wall-clock medians are printed beside them.
 * Every line printed starts with BENCH. Run with
 * {@code mvn -B -pl ml-models -am verify -Pbench -Dtest=DocumentReaderBench -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("bench")
class DocumentReaderBench {
    private static final int ROUNDS = 7;

    @Test
    void readerAgainstPlainPdfBoxTextExtraction() throws IOException {
        Map<String, List<byte[]>> sets = new LinkedHashMap<>();
        Path corpus = Path.of(System.getProperty("backroom.corpus.dir", "corpus")).resolve("pdfs");
        for (String producer : List.of("chromium", "libreoffice", "reportlab")) {
            sets.put(producer, load(corpus, producer + "-"));
        }
        sets.put("pdfbox (synthetic demo)", load(DemoData.dir().resolve("pdfs"), ""));
        DocumentReader reader = new DocumentReader(null);
        List<byte[]> all = sets.values().stream().flatMap(List::stream).toList();
        for (int i = 0; i < 3; i++) {
            for (byte[] pdf : all) {
                baseline(pdf);
                reader.read("warm.pdf", pdf);
            }
        }
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        double[] allBase = new double[0];
        double[] allRead = new double[0];
        double[] allBaseWall = new double[0];
        double[] allReadWall = new double[0];
        for (Map.Entry<String, List<byte[]>> set : sets.entrySet()) {
            List<byte[]> pdfs = set.getValue();
            double[][] base = new double[pdfs.size()][ROUNDS];
            double[][] read = new double[pdfs.size()][ROUNDS];
            double[][] baseWall = new double[pdfs.size()][ROUNDS];
            double[][] readWall = new double[pdfs.size()][ROUNDS];
            for (int round = 0; round < ROUNDS; round++) {
                for (int i = 0; i < pdfs.size(); i++) {
                    long c0 = cpu.getCurrentThreadCpuTime();
                    long t0 = System.nanoTime();
                    baseline(pdfs.get(i));
                    long c1 = cpu.getCurrentThreadCpuTime();
                    long t1 = System.nanoTime();
                    reader.read("bench.pdf", pdfs.get(i));
                    long c2 = cpu.getCurrentThreadCpuTime();
                    long t2 = System.nanoTime();
                    base[i][round] = (c1 - c0) / 1e6;
                    read[i][round] = (c2 - c1) / 1e6;
                    baseWall[i][round] = (t1 - t0) / 1e6;
                    readWall[i][round] = (t2 - t1) / 1e6;
                }
            }
            double[] b = medians(base);
            double[] r = medians(read);
            double[] bw = medians(baseWall);
            double[] rw = medians(readWall);
            report(set.getKey(), b, r, bw, rw);
            allBase = concat(allBase, b);
            allRead = concat(allRead, r);
            allBaseWall = concat(allBaseWall, bw);
            allReadWall = concat(allReadWall, rw);
        }
        report("all", allBase, allRead, allBaseWall, allReadWall);
    }

    private static double[] medians(double[][] perPdf) {
        double[] out = new double[perPdf.length];
        for (int i = 0; i < perPdf.length; i++) {
            out[i] = median(perPdf[i]);
        }
        return out;
    }

    private static void report(String name, double[] base, double[] read, double[] baseWall, double[] readWall) {
        double[] ratio = new double[base.length];
        for (int i = 0; i < base.length; i++) {
            ratio[i] = read[i] / base[i];
        }
        System.out.printf("BENCH %-24s %3d PDFs, CPU ms per PDF: reader median %.1f (p95 %.1f) | PDFBox text median %.1f (p95 %.1f) | "
                        + "ratio of medians %.2f x, median per-PDF ratio %.2f x | wall medians %.1f vs %.1f ms%n", name, base.length,
                median(read), p95(read), median(base), p95(base), median(read) / median(base), median(ratio), median(readWall),
                median(baseWall));
    }

    private static String baseline(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            stripper.setEndPage(Math.min(3, doc.getNumberOfPages()));
            return stripper.getText(doc);
        }
    }

    private static List<byte[]> load(Path dir, String prefix) throws IOException {
        List<byte[]> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.filter(p -> p.getFileName().toString().startsWith(prefix) && p.toString().endsWith(".pdf")).sorted().toList()) {
                out.add(Files.readAllBytes(p));
            }
        }
        return out;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length == 0 ? Double.NaN : s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static double p95(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length == 0 ? Double.NaN : s[Math.min(s.length - 1, (int) Math.ceil(s.length * 0.95) - 1)];
    }

    private static double[] concat(double[] a, double[] b) {
        double[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
