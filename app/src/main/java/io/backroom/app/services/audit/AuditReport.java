package io.backroom.app.services.audit;

import io.backroom.app.tasks.BlockingWorkGuard;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Writes a date range of the audit log to a PDF an auditor can read without Backroom: a cover
 * block (range, who exported it, when, the integrity check of the whole chain), then one row per
 * entry with its time, user, invoice, what happened, whether the model was followed, and the first
 * characters of its hash; page numbers on every page. Text in DejaVu Sans, embedded.
 */
public final class AuditReport {
    private static final float MARGIN = 36;
    private static final float SIZE = 8.5f;
    private static final float LEADING = 11f;
    private static final float[] WIDTHS = {34, 92, 80, 74, 84, 330, 74};
    private static final String[] HEADERS = {"#", "Time (UTC)", "User", "Kind", "Invoice", "What", "Hash"};
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private final AuditLog log;
    private final Clock clock;

    public AuditReport(AuditLog log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    /**
     * Exports the entries recorded from the start of {@code from} to the end of {@code to}
     * (dates in {@code zone}) to {@code target}. Returns how many entries were written.
     */
    public int export(LocalDate from, LocalDate to, ZoneId zone, String exportedBy, Path target) {
        BlockingWorkGuard.check("PDF export");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("The report's end date " + to + " is before its start date " + from + ".");
        }
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
        List<AuditEntry> entries = log.findInOrder(AuditQuery.between(start, end));
        IntegrityReport integrity = log.verify();
        try {
            Path parent = target.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Path partial = target.resolveSibling(target.getFileName() + ".part");
            try (PDDocument doc = new PDDocument()) {
                new Writer(doc).write(from, to, zone, exportedBy, entries, integrity);
                doc.save(partial.toFile());
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(partial);
                throw e;
            }
            Files.move(partial, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the audit report to " + target + ": " + e.getMessage(), e);
        }
        return entries.size();
    }

    private final class Writer {
        private final PDDocument doc;
        private final PDType0Font regular;
        private final PDType0Font bold;
        private PDPageContentStream out;
        private float y;

        Writer(PDDocument doc) throws IOException {
            this.doc = doc;
            this.regular = font("DejaVuSans.ttf");
            this.bold = font("DejaVuSans-Bold.ttf");
        }

        private PDType0Font font(String name) throws IOException {
            try (InputStream in = AuditReport.class.getResourceAsStream("/io/backroom/app/fonts/" + name)) {
                if (in == null) {
                    throw new IOException("The report font " + name + " is missing from the console's resources");
                }
                return PDType0Font.load(doc, in);
            }
        }

        void write(LocalDate from, LocalDate to, ZoneId zone, String exportedBy, List<AuditEntry> entries,
                   IntegrityReport integrity) throws IOException {
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle("Backroom audit report " + from + " to " + to);
            info.setCreator("Backroom console");
            newPage();
            text(bold, 15, MARGIN, "Backroom audit report");
            y -= 22;
            line(regular, 10, "Period: " + from + " to " + to + " (" + zone.getId() + ")");
            line(regular, 10, "Exported " + TIME.format(clock.instant()) + " UTC by " + exportedBy);
            line(regular, 10, "Entries in period: " + entries.size() + "   Decisions: "
                    + entries.stream().filter(e -> e.kind() == AuditKind.DECISION).count()
                    + "   Refused or in conflict: "
                    + entries.stream().filter(e -> e.kind() == AuditKind.OUTCOME && !"APPLIED".equals(e.payload().get("result"))).count()
                    + "   Model outputs shown: "
                    + entries.stream().filter(e -> e.kind() == AuditKind.MODEL_OUTPUT).count());
            line(bold, 10, "Integrity of the whole log: " + integrity.summary());
            for (IntegrityReport.Problem p : integrity.problems()) {
                line(regular, 9, "  - " + p.message());
            }
            line(regular, 8, "Each entry's hash is SHA-256 over its canonical encoding, which includes the previous "
                    + "entry's hash; a full hash is in the console's audit view.");
            y -= 8;
            tableHeader();
            for (AuditEntry e : entries) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new CancellationException("The audit report export was cancelled.");
                }
                row(e);
            }
            if (entries.isEmpty()) {
                line(regular, 10, "No entries were recorded in this period.");
            }
            out.close();
            int pages = doc.getNumberOfPages();
            for (int i = 0; i < pages; i++) {
                try (PDPageContentStream footer = new PDPageContentStream(doc, doc.getPage(i),
                        PDPageContentStream.AppendMode.APPEND, true)) {
                    footer.beginText();
                    footer.setFont(regular, 8);
                    footer.newLineAtOffset(MARGIN, 20);
                    footer.showText("Backroom audit report " + from + " to " + to + " - page " + (i + 1) + " of " + pages);
                    footer.endText();
                }
            }
        }

        private void newPage() throws IOException {
            if (out != null) {
                out.close();
            }
            PDPage page = new PDPage(new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth()));
            doc.addPage(page);
            out = new PDPageContentStream(doc, page);
            y = page.getMediaBox().getHeight() - MARGIN;
        }

        private void line(PDType0Font font, float size, String text) throws IOException {
            for (String part : wrap(font, size, clean(text), PDRectangle.A4.getHeight() - 2 * MARGIN)) {
                ensure(size + 4);
                text(font, size, MARGIN, part);
                y -= size + 4;
            }
        }

        private void tableHeader() throws IOException {
            ensure(LEADING * 2);
            float x = MARGIN;
            for (int i = 0; i < HEADERS.length; i++) {
                text(bold, SIZE, x, HEADERS[i]);
                x += WIDTHS[i];
            }
            y -= 4;
            out.moveTo(MARGIN, y);
            out.lineTo(PDRectangle.A4.getHeight() - MARGIN, y);
            out.stroke();
            y -= LEADING;
        }

        private void row(AuditEntry e) throws IOException {
            String[] cells = {
                Long.toString(e.seq()),
                TIME.format(e.recordedAt()),
                e.actor(),
                e.kind().label(),
                e.invoiceId() == null ? "" : e.invoiceId(),
                e.summary() + detail(e),
                e.hash().substring(0, 12),
            };
            List<List<String>> wrapped = new ArrayList<>();
            int lines = 1;
            for (int i = 0; i < cells.length; i++) {
                List<String> w = wrap(regular, SIZE, clean(cells[i]), WIDTHS[i] - 4);
                wrapped.add(w);
                lines = Math.max(lines, w.size());
            }
            if (y - lines * LEADING < MARGIN + 20) {
                newPage();
                tableHeader();
            }
            float x = MARGIN;
            for (int i = 0; i < cells.length; i++) {
                float ly = y;
                for (String part : wrapped.get(i)) {
                    textAt(regular, SIZE, x, ly, part);
                    ly -= LEADING;
                }
                x += WIDTHS[i];
            }
            y -= lines * LEADING + 2;
        }

        private String detail(AuditEntry e) {
            if (e.kind() == AuditKind.MODEL_OUTPUT) {
                return "; provenance " + shortHash(e.payload().get("provenanceHash"))
                        + ", inputs " + shortHash(e.payload().get("inputsHash"));
            }
            return "";
        }

        private void ensure(float height) throws IOException {
            if (y - height < MARGIN + 20) {
                newPage();
            }
        }

        private void text(PDType0Font font, float size, float x, String s) throws IOException {
            textAt(font, size, x, y, s);
        }

        private void textAt(PDType0Font font, float size, float x, float atY, String s) throws IOException {
            out.beginText();
            out.setFont(font, size);
            out.newLineAtOffset(x, atY);
            out.showText(s);
            out.endText();
        }

        private List<String> wrap(PDType0Font font, float size, String text, float width) throws IOException {
            List<String> lines = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            for (String word : text.split(" ")) {
                String candidate = current.isEmpty() ? word : current + " " + word;
                if (width(font, size, candidate) <= width) {
                    current.setLength(0);
                    current.append(candidate);
                    continue;
                }
                if (!current.isEmpty()) {
                    lines.add(current.toString());
                    current.setLength(0);
                }
                String rest = word;
                while (width(font, size, rest) > width && rest.length() > 1) {
                    int cut = rest.length() - 1;
                    while (cut > 1 && width(font, size, rest.substring(0, cut)) > width) {
                        cut--;
                    }
                    lines.add(rest.substring(0, cut));
                    rest = rest.substring(cut);
                }
                current.append(rest);
            }
            if (!current.isEmpty() || lines.isEmpty()) {
                lines.add(current.toString());
            }
            return lines;
        }

        private float width(PDType0Font font, float size, String s) throws IOException {
            return font.getStringWidth(s) / 1000f * size;
        }
    }

    private static String shortHash(String hash) {
        return hash == null ? "-" : hash.substring(0, Math.min(12, hash.length()));
    }

    /** Keeps text on one line and within what the embedded font can draw. */
    private static String clean(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> out.appendCodePoint(Character.isWhitespace(cp) || Character.isISOControl(cp) ? ' ' : cp));
        return out.toString().trim();
    }
}
