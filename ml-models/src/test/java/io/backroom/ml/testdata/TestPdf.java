package io.backroom.ml.testdata;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** Builds small real PDFs for reader tests: text placed at (x, y-from-top) with a font size. */
public final class TestPdf {
    private record Item(float x, float y, float size, String text, float kern, boolean blanksInWords) {
        Item(float x, float y, float size, String text) {
            this(x, y, size, text, Float.NaN, false);
        }
    }

    private final List<Item> items = new ArrayList<>();
    private boolean drawOnly;
    private String password;

    /** Places text; y is measured from the top of an A4 page. */
    public TestPdf text(float x, float y, float size, String text) {
        items.add(new Item(x, y, size, text));
        return this;
    }

    /** Places 10-point text. */
    public TestPdf text(float x, float y, String text) {
        return text(x, y, 10, text);
    }

    /**
     * Places text the way office suites do: every glyph positioned on its own, spaces printed as a
     * displacement only (no blank glyph), each glyph moved by {@code kern} points (kerning), and
     * with {@code blanksInWords} a zero-width blank glyph inside every word.
     */
    public TestPdf glyphByGlyph(float x, float y, float size, String text, float kern, boolean blanksInWords) {
        items.add(new Item(x, y, size, text, kern, blanksInWords));
        return this;
    }

    /** Draws shapes only (no text layer), like a scanned page. */
    public TestPdf imageOnly() {
        drawOnly = true;
        return this;
    }

    /** Protects the PDF with a user password. */
    public TestPdf encrypted(String userPassword) {
        password = userPassword;
        return this;
    }

    /** The PDF bytes. */
    public byte[] bytes() {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            float height = page.getMediaBox().getHeight();
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                if (drawOnly) {
                    for (int i = 0; i < 30; i++) {
                        cs.addRect(40 + i * 3, 700 - i * 20, 400, 8);
                        cs.fill();
                    }
                } else {
                    for (Item item : items) {
                        if (Float.isNaN(item.kern())) {
                            cs.beginText();
                            cs.setFont(font, item.size());
                            cs.newLineAtOffset(item.x(), height - item.y());
                            cs.showText(item.text());
                            cs.endText();
                            continue;
                        }
                        float x = item.x();
                        for (int i = 0; i < item.text().length(); i++) {
                            String ch = item.text().substring(i, i + 1);
                            float advance = font.getStringWidth(ch) / 1000f * item.size();
                            if (!ch.isBlank()) {
                                cs.beginText();
                                cs.setFont(font, item.size());
                                cs.newLineAtOffset(x, height - item.y());
                                cs.showText(ch);
                                cs.endText();
                                if (item.blanksInWords() && i + 1 < item.text().length() && !item.text().substring(i + 1, i + 2).isBlank()) {
                                    cs.beginText();
                                    cs.setFont(font, 0.1f);
                                    cs.newLineAtOffset(x + advance, height - item.y());
                                    cs.showText(" ");
                                    cs.endText();
                                }
                            }
                            x += advance + item.kern();
                        }
                    }
                }
            }
            if (password != null) {
                StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-" + password, password, new AccessPermission());
                policy.setEncryptionKeyLength(128);
                doc.protect(policy);
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
