package io.backroom.sampledata.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import io.backroom.sampledata.model.Charge;
import io.backroom.sampledata.model.ChargeType;
import io.backroom.sampledata.model.Invoice;
import io.backroom.sampledata.model.InvoiceLine;
import io.backroom.sampledata.model.PaymentTerms;
import io.backroom.sampledata.model.Store;
import io.backroom.sampledata.model.StoreSizeTier;
import io.backroom.sampledata.model.Supplier;
import io.backroom.sampledata.model.SupplierKind;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DocumentRendererTest {
    private static final Store STORE = new Store("S007", "Utrecht Centrum", "R5", "Utrecht", StoreSizeTier.LARGE,
            LocalTime.of(8, 0), LocalTime.of(21, 0), 6, LocalDate.of(2015, 1, 1));
    private static final PaymentTerms TERMS = new PaymentTerms("2/10 NET 30", 30, new BigDecimal("2.00"), 10);

    /** One supplier per layout: (id, country, language, currency, expected layout). */
    private static final List<String[]> SUPPLIERS = List.of(
            new String[] {"SUP-0002", "GB", "en", "GBP"}, new String[] {"SUP-0001", "GB", "en", "GBP"},
            new String[] {"SUP-0003", "US", "en", "USD"}, new String[] {"SUP-0004", "FR", "fr", "EUR"},
            new String[] {"SUP-0005", "DE", "de", "EUR"}, new String[] {"SUP-0006", "NL", "nl", "EUR"},
            new String[] {"SUP-0007", "ES", "es", "EUR"});

    private static DocumentRenderer renderer;
    private static Map<String, Supplier> suppliers;

    @BeforeAll
    static void setUp() {
        suppliers = new java.util.HashMap<>();
        for (String[] s : SUPPLIERS) {
            suppliers.put(s[0], new Supplier(s[0], "Hansen Trading " + s[1], SupplierKind.MERCHANDISE, s[1], s[2],
                    s[3], s[1] + "123456789", s[1] + "12 BANK 0000 1111 22", "Industrieweg 4", "Venlo", "5928 AB",
                    TERMS, new BigDecimal("20.00"), new BigDecimal("0.95"), "LOW", false, null));
        }
        renderer = new DocumentRenderer(suppliers::get, id -> STORE);
    }

    @AfterAll
    static void tearDown() {
        renderer.close();
    }

    private static Invoice invoice(String supplierId, int lines, String currency) {
        List<InvoiceLine> rows = new ArrayList<>();
        BigDecimal net = BigDecimal.ZERO;
        for (int i = 1; i <= lines; i++) {
            BigDecimal amount = new BigDecimal("1234.50").multiply(BigDecimal.valueOf(i));
            rows.add(new InvoiceLine(i, i, "ITM-0000" + i, "AB-" + (1000 + i), "Organic Pasta 500g number " + i,
                    BigDecimal.valueOf(i * 10L), "EA", new BigDecimal("123.45"), new BigDecimal("20.00"), amount));
            net = net.add(amount);
        }
        BigDecimal freight = new BigDecimal("45.00");
        BigDecimal subtotal = net.add(freight);
        BigDecimal tax = subtotal.multiply(new BigDecimal("0.20")).setScale(2);
        return new Invoice("INV-9" + supplierId.substring(4), "F-77-" + supplierId.substring(4), supplierId,
                "PO-2026-000123", "S007", LocalDate.of(2026, 10, 4), LocalDate.of(2026, 10, 6),
                LocalDate.of(2026, 11, 3), currency, TERMS, rows, List.of(new Charge(ChargeType.FREIGHT, "Freight",
                        freight)), subtotal, tax, subtotal.add(tax), "OPEN", null);
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            for (var name : doc.getPage(0).getResources().getFontNames()) {
                PDFont font = doc.getPage(0).getResources().getFont(name);
                assertThat(font.isEmbedded()).as("font %s embedded", font.getName()).isTrue();
            }
            return new PDFTextStripper().getText(doc);
        }
    }

    @Test
    void everyLayoutPrintsNumberDateAndTotalInItsOwnFormat() throws IOException {
        Set<String> layouts = new HashSet<>();
        Map<String, String[]> expectations = Map.of(
                "EN_CLASSIC", new String[] {"Invoice No.", "04/10/2026", "£"},
                "EN_MODERN", new String[] {"Inv #", "4 Oct 2026", "GBP "},
                "EN_US", new String[] {"Bill number", "10/04/2026", "$"},
                "FR", new String[] {"N° de facture", "04/10/2026", " €"},
                "DE", new String[] {"Rechnungsnummer", "04.10.2026", " €"},
                "NL", new String[] {"Factuurnummer", "04-10-2026", "€ "},
                "ES", new String[] {"Nº Factura", "04/10/2026", " €"});
        for (String[] s : SUPPLIERS) {
            Supplier supplier = suppliers.get(s[0]);
            Invoice inv = invoice(s[0], 3, s[3]);
            RenderedDocument doc = renderer.invoice(inv);
            layouts.add(doc.layout());
            String text = text(doc.pdf());
            String[] expected = expectations.get(doc.layout());
            assertThat(doc.layout()).isEqualTo(InvoiceLayouts.layoutOf(supplier));
            assertThat(text).as(doc.layout()).contains(inv.invoiceNumber(), expected[0], expected[1], expected[2],
                    "PO-2026-000123", InvoiceLayouts.formatNumber(doc.layout(), inv.total()));
        }
        assertThat(layouts).hasSize(7);
        assertThat(text(renderer.invoice(invoice("SUP-0005", 3, "EUR")).pdf())).contains("8.942,40");
        assertThat(text(renderer.invoice(invoice("SUP-0004", 3, "EUR")).pdf())).contains("8 942,40");
    }

    @Test
    void longInvoicesRunOverSeveralPagesWithTheTotalOnTheLast() throws IOException {
        for (String[] s : SUPPLIERS) {
            Invoice inv = invoice(s[0], 45, s[3]);
            RenderedDocument doc = renderer.invoice(inv);
            assertThat(doc.pages()).as(doc.layout()).isGreaterThanOrEqualTo(2);
            try (PDDocument pdf = Loader.loadPDF(doc.pdf())) {
                PDFTextStripper last = new PDFTextStripper();
                last.setStartPage(pdf.getNumberOfPages());
                last.setEndPage(pdf.getNumberOfPages());
                assertThat(last.getText(pdf)).as(doc.layout())
                        .contains(InvoiceLayouts.formatNumber(doc.layout(), inv.total()));
                PDFTextStripper first = new PDFTextStripper();
                first.setEndPage(1);
                assertThat(first.getText(pdf)).as(doc.layout()).contains("number 1");
            }
        }
    }

    @Test
    void renderingTheSameDocumentTwiceGivesTheSameBytes() {
        Invoice inv = invoice("SUP-0006", 12, "EUR");
        assertThat(renderer.invoice(inv).pdf()).isEqualTo(renderer.invoice(inv).pdf());
        try (DocumentRenderer other = new DocumentRenderer(suppliers::get, id -> STORE)) {
            assertThat(other.invoice(inv).pdf()).isEqualTo(renderer.invoice(inv).pdf());
        }
    }
}
