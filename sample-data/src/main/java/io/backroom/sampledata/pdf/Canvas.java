package io.backroom.sampledata.pdf;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDFont;

/** Small drawing vocabulary over one page's content stream, in points from the bottom-left corner. */
final class Canvas implements AutoCloseable {
    private final PDPageContentStream cs;

    private Canvas(PDPageContentStream cs) {
        this.cs = cs;
    }

    /** Starts drawing on {@code page}. */
    static Canvas open(org.apache.pdfbox.pdmodel.PDDocument doc, org.apache.pdfbox.pdmodel.PDPage page) {
        try {
            return new Canvas(new PDPageContentStream(doc, page));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open page for drawing", e);
        }
    }

    static float width(PDFont font, float size, String text) {
        try {
            return font.getStringWidth(text) / 1000f * size;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot measure text", e);
        }
    }

    /** Cuts {@code text} with an ellipsis so it fits {@code maxWidth}. */
    static String fit(PDFont font, float size, String text, float maxWidth) {
        if (width(font, size, text) <= maxWidth) {
            return text;
        }
        String t = text;
        while (t.length() > 1 && width(font, size, t + "…") > maxWidth) {
            t = t.substring(0, t.length() - 1);
        }
        return t + "…";
    }

    void text(PDFont font, float size, float x, float y, String text, int rgb) {
        try {
            cs.beginText();
            cs.setNonStrokingColor(new Color(rgb));
            cs.setFont(font, size);
            cs.newLineAtOffset(x, y);
            cs.showText(text);
            cs.endText();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot draw text", e);
        }
    }

    void text(PDFont font, float size, float x, float y, String text) {
        text(font, size, x, y, text, 0x111111);
    }

    void right(PDFont font, float size, float xRight, float y, String text) {
        text(font, size, xRight - width(font, size, text), y, text);
    }

    void right(PDFont font, float size, float xRight, float y, String text, int rgb) {
        text(font, size, xRight - width(font, size, text), y, text, rgb);
    }

    void center(PDFont font, float size, float xCenter, float y, String text, int rgb) {
        text(font, size, xCenter - width(font, size, text) / 2, y, text, rgb);
    }

    void fill(float x, float y, float w, float h, int rgb) {
        try {
            cs.setNonStrokingColor(new Color(rgb));
            cs.addRect(x, y, w, h);
            cs.fill();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot draw", e);
        }
    }

    void stroke(float x, float y, float w, float h, float lineWidth, int rgb) {
        try {
            cs.setStrokingColor(new Color(rgb));
            cs.setLineWidth(lineWidth);
            cs.addRect(x, y, w, h);
            cs.stroke();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot draw", e);
        }
    }

    void line(float x1, float y1, float x2, float y2, float lineWidth, int rgb) {
        try {
            cs.setStrokingColor(new Color(rgb));
            cs.setLineWidth(lineWidth);
            cs.moveTo(x1, y1);
            cs.lineTo(x2, y2);
            cs.stroke();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot draw", e);
        }
    }

    void circle(float cx, float cy, float r, int rgb) {
        try {
            float k = 0.552284749831f * r;
            cs.setNonStrokingColor(new Color(rgb));
            cs.moveTo(cx - r, cy);
            cs.curveTo(cx - r, cy + k, cx - k, cy + r, cx, cy + r);
            cs.curveTo(cx + k, cy + r, cx + r, cy + k, cx + r, cy);
            cs.curveTo(cx + r, cy - k, cx + k, cy - r, cx, cy - r);
            cs.curveTo(cx - k, cy - r, cx - r, cy - k, cx - r, cy);
            cs.fill();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot draw", e);
        }
    }

    void triangle(float x, float y, float size, int rgb) {
        try {
            cs.setNonStrokingColor(new Color(rgb));
            cs.moveTo(x, y);
            cs.lineTo(x + size, y);
            cs.lineTo(x + size / 2, y + size);
            cs.closePath();
            cs.fill();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot draw", e);
        }
    }

    @Override
    public void close() {
        try {
            cs.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot close page", e);
        }
    }
}
