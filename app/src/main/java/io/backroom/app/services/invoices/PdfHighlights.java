package io.backroom.app.services.invoices;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * Finds, on a rendered page of the supplier's PDF, where the header fields the document reader took are printed, and
 * marks them on the image with the ERP's value beside: green where they agree, red where they differ.
 */
public final class PdfHighlights {
    private static final Color AGREE = new Color(26, 127, 55);
    private static final Color DIFFER = new Color(207, 34, 46);

    private PdfHighlights() {
    }

    /**
     * A field found on the page, in PDF points from the page's top-left corner.
     *
     * @param field  the field's name, e.g. "Total"
     * @param erp    the ERP's value
     * @param agrees whether the PDF and the ERP agree
     */
    public record Mark(String field, String erp, boolean agrees, float x, float y, float width, float height) {
    }

    /** Where on page {@code pageIndex} of {@code doc} each field the reader found is printed (fields not found are left out). */
    public static List<Mark> locate(PDDocument doc, int pageIndex, List<DocumentCheck.Field> fields) throws IOException {
        List<Word> words = words(doc, pageIndex);
        List<Mark> marks = new ArrayList<>();
        for (DocumentCheck.Field f : fields) {
            if (f.pdf().isEmpty()) {
                continue;
            }
            Set<String> printed = printedForms(f.pdf());
            for (Word w : words) {
                if (printed.contains(strip(w.text()).toLowerCase(Locale.ROOT))) {
                    marks.add(new Mark(f.field(), f.erp(), f.agrees(), w.x(), w.top(), w.width(), w.height()));
                    break;
                }
            }
        }
        return marks;
    }

    /** Draws {@code marks} on {@code page}, rendered at {@code dpi}. */
    public static void draw(BufferedImage page, float dpi, List<Mark> marks) {
        if (marks.isEmpty()) {
            return;
        }
        float scale = dpi / 72f;
        Graphics2D g = page.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            int fontSize = Math.max(10, Math.round(8 * scale));
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, fontSize));
            for (Mark m : marks) {
                Color c = m.agrees() ? AGREE : DIFFER;
                int pad = Math.round(2 * scale);
                int x = Math.round(m.x() * scale) - pad;
                int y = Math.round(m.y() * scale) - pad;
                int w = Math.round(m.width() * scale) + 2 * pad;
                int h = Math.round(m.height() * scale) + 2 * pad;
                g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.18f));
                g.setColor(c);
                g.fillRect(x, y, w, h);
                g.setComposite(AlphaComposite.SrcOver);
                g.setStroke(new BasicStroke(Math.max(1.5f, scale)));
                g.drawRect(x, y, w, h);
                String label = (m.agrees() ? "✓ ERP " : "≠ ERP ") + m.erp();
                int labelWidth = g.getFontMetrics().stringWidth(label) + 8;
                int lx = x + w + 6;
                if (lx + labelWidth > page.getWidth()) {
                    lx = Math.max(0, x + w - labelWidth);
                }
                int ly = lx >= x + w ? y : Math.max(0, y - h - 2);
                g.setColor(Color.WHITE);
                g.fillRect(lx, ly, labelWidth, h);
                g.setColor(c);
                g.drawRect(lx, ly, labelWidth, h);
                g.drawString(label, lx + 4, ly + h - Math.max(2, (h - fontSize) / 2) - 1);
            }
        } finally {
            g.dispose();
        }
    }

    /** The ways a value read as {@code value} (ISO date, plain decimal, text) may be printed. */
    static Set<String> printedForms(String value) {
        Set<String> forms = new LinkedHashSet<>();
        String v = value.strip();
        forms.add(v.toLowerCase(Locale.ROOT));
        try {
            LocalDate d = LocalDate.parse(v);
            for (String p : List.of("dd/MM/yyyy", "dd.MM.yyyy", "dd-MM-yyyy", "MM/dd/yyyy", "d/M/yyyy", "d.M.yyyy", "yyyy/MM/dd")) {
                forms.add(d.format(DateTimeFormatter.ofPattern(p, Locale.ROOT)));
            }
        } catch (java.time.format.DateTimeParseException e) {
            // not a date
        }
        try {
            BigDecimal a = new BigDecimal(v);
            String two = a.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
            forms.add(two);
            forms.add(two.replace('.', ','));
            forms.add(String.format(Locale.ROOT, "%,.2f", a));
            forms.add(String.format(Locale.GERMANY, "%,.2f", a));
            forms.add(String.format(Locale.FRANCE, "%,.2f", a).replace('\u202f', ' ').replace('\u00a0', ' '));
        } catch (NumberFormatException e) {
            // not an amount
        }
        return forms;
    }

    private static String strip(String word) {
        return word.replaceAll("^[\\s:;,(\\[€$£]+|[\\s:;,)\\]€$£]+$", "");
    }

    private record Word(String text, float x, float top, float width, float height) {
    }

    private static List<Word> words(PDDocument doc, int pageIndex) throws IOException {
        List<Word> words = new ArrayList<>();
        PDFTextStripper stripper = new PDFTextStripper() {
            @Override
            protected void writeString(String text, List<TextPosition> positions) {
                StringBuilder current = new StringBuilder();
                List<TextPosition> in = new ArrayList<>();
                for (TextPosition tp : positions) {
                    String u = tp.getUnicode();
                    if (u == null || u.isBlank()) {
                        flush(current, in, words);
                    } else {
                        current.append(u);
                        in.add(tp);
                    }
                }
                flush(current, in, words);
            }
        };
        stripper.setSortByPosition(true);
        stripper.setStartPage(pageIndex + 1);
        stripper.setEndPage(pageIndex + 1);
        stripper.getText(doc);
        return words;
    }

    private static void flush(StringBuilder current, List<TextPosition> in, List<Word> words) {
        if (current.length() > 0 && !in.isEmpty()) {
            TextPosition first = in.get(0);
            TextPosition last = in.get(in.size() - 1);
            float height = 0;
            for (TextPosition tp : in) {
                height = Math.max(height, tp.getHeightDir());
            }
            float x = first.getXDirAdj();
            float top = first.getYDirAdj() - height;
            words.add(new Word(current.toString(), x, top, last.getXDirAdj() + last.getWidthDirAdj() - x, height));
        }
        current.setLength(0);
        in.clear();
    }
}
