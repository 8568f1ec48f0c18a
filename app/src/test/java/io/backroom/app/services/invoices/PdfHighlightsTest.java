package io.backroom.app.services.invoices;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;

class PdfHighlightsTest {

    @Test
    void marksWhereTheReadFieldsArePrintedWithTheErpValueBeside() throws Exception {
        byte[] pdf = invoice();
        List<DocumentCheck.Field> fields = List.of(
                new DocumentCheck.Field("Invoice number", "TRI-1000", "TRI-1000", true),
                new DocumentCheck.Field("Invoice date", "2026-11-25", "2026-11-25", true),
                new DocumentCheck.Field("Total", "1234.5", "1200.00", false),
                new DocumentCheck.Field("PO", "", "PO-1", true));

        PdfPages.Rendered page = PdfPages.render(pdf, 0, 96, fields);

        assertThat(page.marks()).extracting(PdfHighlights.Mark::field)
                .containsExactly("Invoice number", "Invoice date", "Total");
        PdfHighlights.Mark total = page.marks().get(2);
        assertThat(total.agrees()).isFalse();
        assertThat(total.erp()).isEqualTo("1200.00");
        assertThat(total.y()).as("printed below the number").isGreaterThan(page.marks().get(0).y());
        // The box is tinted red where the total is printed; the same spot of the page without marks is not.
        int x = Math.round((total.x() - 1) * 96 / 72f);
        int y = Math.round((total.y() + total.height() / 2) * 96 / 72f);
        Color marked = new Color(page.image().getRGB(x, y));
        Color plain = new Color(PdfPages.render(pdf, 0, 96).image().getRGB(x, y));
        assertThat(marked.getRed()).isGreaterThan(marked.getGreen());
        assertThat(plain).isEqualTo(Color.WHITE);
    }

    @Test
    void knowsThePrintedFormsOfDatesAndAmounts() {
        assertThat(PdfHighlights.printedForms("2026-11-25")).contains("25/11/2026", "25.11.2026");
        assertThat(PdfHighlights.printedForms("1234.5")).contains("1234.50", "1,234.50", "1.234,50", "1234,50");
    }

    private static byte[] invoice() throws Exception {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            var font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            try (PDPageContentStream out = new PDPageContentStream(doc, page)) {
                String[] lines = {"Invoice No.: TRI-1000", "Invoice date: 25/11/2026", "Your order: PO 77", "Total due: 1,234.50 EUR"};
                float y = 740;
                for (String l : lines) {
                    out.beginText();
                    out.setFont(font, 12);
                    out.newLineAtOffset(60, y);
                    out.showText(l);
                    out.endText();
                    y -= 24;
                }
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            doc.save(bytes);
            return bytes.toByteArray();
        }
    }
}
