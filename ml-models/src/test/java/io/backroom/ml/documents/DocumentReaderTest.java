package io.backroom.ml.documents;

import static org.assertj.core.api.Assertions.assertThat;

import io.backroom.ml.testdata.TestPdf;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DocumentReaderTest {
    private final DocumentReader reader = new DocumentReader(null);

    private static HeaderFields expect(String supplier, String number, String date, String due, String po, String currency,
                                       String subtotal, String tax, String total) {
        return new HeaderFields(supplier, number, LocalDate.parse(date), due == null ? null : LocalDate.parse(due), po, currency,
                new BigDecimal(subtotal), new BigDecimal(tax), new BigDecimal(total));
    }

    @Test
    void readsAnEnglishInvoiceWithLabelsBesideValues() {
        byte[] pdf = new TestPdf()
                .text(50, 60, 16, "Northwind Supplies Ltd").text(420, 60, 20, "INVOICE")
                .text(50, 80, "12 Harbour Road, Leeds LS1 4AB").text(50, 92, "VAT No. GB123456789")
                .text(50, 130, "Bill to:").text(50, 142, "Backroom Retail B.V.").text(50, 154, "Damrak 1, Amsterdam")
                .text(330, 130, "Invoice No.: INV-2026-0042").text(330, 142, "Invoice Date: 14/10/2026")
                .text(330, 154, "Due Date: 13/11/2026").text(330, 166, "PO Number: PO-2026-000123")
                .text(50, 220, "Description").text(300, 220, "Qty").text(360, 220, "Unit price").text(470, 220, "Total")
                .text(50, 235, "Paper towels, case of 12").text(300, 235, "10").text(360, 235, "123.45").text(470, 235, "1,234.50")
                .text(360, 300, "Subtotal").text(470, 300, "1,234.50")
                .text(360, 312, "VAT 20%").text(470, 312, "246.90")
                .text(360, 324, "Total due").text(470, 324, "GBP 1,481.40")
                .bytes();
        DocumentResult r = reader.read("en.pdf", pdf);
        assertThat(r.status()).isEqualTo(DocumentResult.Status.OK);
        assertThat(r.documentType()).isEqualTo(DocumentType.INVOICE);
        assertThat(r.typeConfidence()).isGreaterThan(0.9);
        assertThat(r.fields()).isEqualTo(expect("Northwind Supplies Ltd", "INV-2026-0042", "2026-10-14", "2026-11-13",
                "PO-2026-000123", "GBP", "1234.50", "246.90", "1481.40"));
        assertThat(r.provenanceHash()).hasSize(16);
    }

    @Test
    void readsAGermanInvoiceWithLabelsAboveValuesAndDecimalCommas() {
        byte[] pdf = new TestPdf()
                .text(50, 50, 18, "Müller Getränke GmbH").text(50, 68, "Industriestraße 5, 50667 Köln")
                .text(400, 50, 20, "RECHNUNG")
                .text(50, 140, "Rechnungsnummer").text(170, 140, "Rechnungsdatum").text(290, 140, "Fälligkeitsdatum").text(420, 140, "Ihre Bestellung")
                .text(50, 154, "R-88812").text(170, 154, "14.10.2026").text(290, 154, "13.11.2026").text(420, 154, "PO-2026-000777")
                .text(50, 200, "Artikel").text(300, 200, "Menge").text(450, 200, "Betrag")
                .text(50, 214, "Mineralwasser 0,5 l").text(300, 214, "100").text(450, 214, "1.234,50 €")
                .text(330, 280, "Nettobetrag").text(450, 280, "1.234,50 €")
                .text(330, 292, "MwSt. 19 %").text(450, 292, "234,56 €")
                .text(330, 304, "Gesamtbetrag").text(450, 304, "1.469,06 €")
                .bytes();
        DocumentResult r = reader.read("de.pdf", pdf);
        assertThat(r.documentType()).isEqualTo(DocumentType.INVOICE);
        assertThat(r.fields()).isEqualTo(expect("Müller Getränke GmbH", "R-88812", "2026-10-14", "2026-11-13",
                "PO-2026-000777", "EUR", "1234.50", "234.56", "1469.06"));
    }

    @Test
    void readsAFrenchInvoiceWithMonthNamesAndSpaceGrouping() {
        byte[] pdf = new TestPdf()
                .text(50, 50, 16, "Boulangerie Dupont SARL").text(50, 66, "8 rue de la Paix, 75002 Paris")
                .text(50, 110, 14, "FACTURE")
                .text(50, 130, "Facture n° F2026/118").text(50, 142, "Date de facture : 3 octobre 2026")
                .text(50, 154, "Échéance : 02/11/2026").text(50, 166, "Bon de commande : PO-2026-000001")
                .text(300, 260, "Total HT").text(450, 260, "980,00 EUR")
                .text(300, 272, "TVA 20 %").text(450, 272, "196,00 EUR")
                .text(300, 284, "Total TTC").text(450, 284, "1 176,00 EUR")
                .bytes();
        DocumentResult r = reader.read("fr.pdf", pdf);
        assertThat(r.fields()).isEqualTo(expect("Boulangerie Dupont SARL", "F2026/118", "2026-10-03", "2026-11-02",
                "PO-2026-000001", "EUR", "980.00", "196.00", "1176.00"));
    }

    @Test
    void readsMonthFirstDatesAndDollarAmountsOfAUsInvoice() {
        byte[] pdf = new TestPdf()
                .text(50, 50, 16, "Acme Housewares Inc.").text(400, 50, 18, "Invoice")
                .text(50, 100, "Invoice #: 55-1029").text(50, 112, "Date: 10/14/2026").text(50, 124, "Payment due: 11/13/2026")
                .text(50, 136, "Your order: PO-2026-000314")
                .text(300, 220, "Subtotal").text(450, 220, "$2,000.00")
                .text(300, 232, "Sales tax").text(450, 232, "$165.00")
                .text(300, 244, "Amount due").text(450, 244, "$2,165.00")
                .bytes();
        DocumentResult r = reader.read("us.pdf", pdf);
        assertThat(r.fields()).isEqualTo(expect("Acme Housewares Inc.", "55-1029", "2026-10-14", "2026-11-13",
                "PO-2026-000314", "USD", "2000.00", "165.00", "2165.00"));
    }

    @Test
    void tellsCreditNotesStatementsRemindersAndQuotesFromInvoices() {
        byte[] credit = new TestPdf().text(50, 50, 16, "Van Dijk Groente B.V.").text(400, 50, 18, "CREDITNOTA")
                .text(50, 100, "Creditnotanummer: CN-5512").text(50, 112, "Datum: 14-10-2026")
                .text(50, 124, "Betreft factuur 2026-0912").text(300, 200, "Totaal").text(450, 200, "-120,00 EUR").bytes();
        byte[] statement = new TestPdf().text(50, 50, 16, "Northwind Supplies Ltd").text(350, 50, 18, "STATEMENT OF ACCOUNT")
                .text(50, 100, "Invoice INV-1 01/10/2026 100.00").text(50, 112, "Invoice INV-2 05/10/2026 200.00")
                .text(50, 124, "Invoice INV-3 09/10/2026 300.00").text(50, 136, "Balance due 600.00").bytes();
        byte[] reminder = new TestPdf().text(50, 50, 16, "Distribuciones Ruiz S.L.").text(330, 50, 18, "RECORDATORIO DE PAGO")
                .text(50, 100, "Factura nº 2026-311 vencida el 01/10/2026").text(50, 112, "Importe pendiente 450,00 €").bytes();
        byte[] quote = new TestPdf().text(50, 50, 16, "Acme Housewares Inc.").text(350, 50, 18, "PRO-FORMA INVOICE")
                .text(50, 100, "Pro-forma No. PF-17").text(50, 112, "Total 99.00 USD").bytes();
        assertThat(reader.read("c.pdf", credit).documentType()).isEqualTo(DocumentType.CREDIT_NOTE);
        assertThat(reader.read("s.pdf", statement).documentType()).isEqualTo(DocumentType.STATEMENT);
        assertThat(reader.read("r.pdf", reminder).documentType()).isEqualTo(DocumentType.REMINDER);
        assertThat(reader.read("q.pdf", quote).documentType()).isEqualTo(DocumentType.QUOTE);
        assertThat(reader.read("c.pdf", credit).fields().total()).isEqualByComparingTo("-120.00");
    }

    @Test
    void givesAClearPerFileResultForBadPdfsAndTheBatchGoesOn(@TempDir Path dir) throws IOException {
        Files.write(dir.resolve("a-malformed.pdf"), "%PDF-1.7 this is not really a pdf".getBytes());
        Files.write(dir.resolve("b-empty.pdf"), new byte[0]);
        Files.write(dir.resolve("c-encrypted.pdf"), new TestPdf().text(50, 50, "Invoice No. 1").encrypted("secret").bytes());
        Files.write(dir.resolve("d-scanned.pdf"), new TestPdf().imageOnly().bytes());
        try (var out = Files.newOutputStream(dir.resolve("e-huge.pdf"))) {
            byte[] block = new byte[1 << 20];
            for (int i = 0; i < 21; i++) {
                out.write(block);
            }
        }
        Files.write(dir.resolve("f-good.pdf"), new TestPdf().text(50, 50, 18, "INVOICE").text(50, 80, "Invoice No. 77-1")
                .text(50, 92, "Total 10.00 EUR").bytes());

        List<DocumentResult> results = reader.readDirectory(dir);
        assertThat(results).extracting(DocumentResult::status).containsExactly(
                DocumentResult.Status.MALFORMED, DocumentResult.Status.EMPTY, DocumentResult.Status.ENCRYPTED,
                DocumentResult.Status.NEEDS_OCR, DocumentResult.Status.TOO_LARGE, DocumentResult.Status.OK);
        assertThat(results.get(2).message()).contains("password");
        assertThat(results.get(3).message()).contains("OCR");
        assertThat(results.get(5).fields().documentNumber()).isEqualTo("77-1");
    }

    @Test
    void joinsWordsByGlyphPositionsWhateverBlankGlyphsTheProducerEmits() {
        for (boolean blanks : new boolean[] {false, true}) {
            byte[] pdf = new TestPdf()
                    .glyphByGlyph(50, 50, 16, "Harbour Catering Supplies Ltd", -0.25f, blanks).text(420, 50, 20, "INVOICE")
                    .glyphByGlyph(330, 110, 10, "Invoice No.: INV-2026-0042", 0.2f, blanks)
                    .glyphByGlyph(330, 122, 10, "Invoice Date: 14 Oct. 2026", -0.15f, blanks)
                    .glyphByGlyph(300, 220, 10, "Subtotal", 0.1f, blanks).glyphByGlyph(450, 220, 10, "1,000.00", 0.1f, blanks)
                    .glyphByGlyph(300, 232, 10, "VAT 20%", 0.1f, blanks).glyphByGlyph(450, 232, 10, "200.00", 0.1f, blanks)
                    .glyphByGlyph(300, 244, 10, "Total due", 0.1f, blanks).glyphByGlyph(450, 244, 10, "GBP 1,200.00", 0.1f, blanks)
                    .bytes();
            DocumentResult r = reader.read("kerned.pdf", pdf);
            assertThat(r.fields().documentNumber()).as("blank glyphs in words: " + blanks).isEqualTo("INV-2026-0042");
            assertThat(r.fields().documentDate()).isEqualTo(LocalDate.of(2026, 10, 14));
            assertThat(r.fields().total()).isEqualByComparingTo("1200.00");
            assertThat(r.fields().supplierName()).isEqualTo("Harbour Catering Supplies Ltd");
        }
    }

    @Test
    void readsTheNumberAndDateUnderBareColumnHeadersOfAHeaderTable() {
        byte[] pdf = new TestPdf()
                .text(50, 50, 16, "Bäckerei Hoffmann OHG").text(420, 50, 20, "Rechnung")
                .text(50, 120, "Datum").text(130, 120, "Nummer").text(230, 120, "Kundennummer").text(330, 120, "Seite")
                .text(50, 134, "24. 05. 2026").text(130, 134, "RE-88812").text(230, 134, "10023847").text(330, 134, "1/1")
                .text(50, 180, "Bezeichnung").text(450, 180, "Betrag")
                .text(50, 194, "Toner schwarz").text(450, 194, "100,00 €")
                .text(330, 240, "Summe netto").text(450, 240, "100,00 €")
                .text(330, 252, "zzgl. 19 % MwSt.").text(450, 252, "19,00 €")
                .text(250, 264, "Rechnungsbetrag (inkl. 19 % USt.)").text(450, 264, "119,00 €")
                .bytes();
        HeaderFields f = reader.read("grid.pdf", pdf).fields();
        assertThat(f.documentNumber()).isEqualTo("RE-88812");
        assertThat(f.documentDate()).isEqualTo(LocalDate.of(2026, 5, 24));
        assertThat(f.subtotal()).isEqualByComparingTo("100.00");
        assertThat(f.taxAmount()).isEqualByComparingTo("19.00");
        assertThat(f.total()).isEqualByComparingTo("119.00");
    }

    @Test
    void takesATotalWithTaxInclusionWordsAsTheTotalAndTheIncludedTaxAsTheTax() {
        byte[] pdf = new TestPdf()
                .text(50, 50, 16, "Van Dijk Groente B.V.").text(420, 50, 20, "Factuur")
                .text(50, 100, "Factuurnummer: NL-26-4471").text(50, 112, "Factuurdatum: 3 maart 2026")
                .text(300, 220, "Totaal incl. 21% BTW").text(450, 220, "€ 121,00")
                .text(300, 232, "Netto").text(450, 232, "€ 100,00")
                .text(300, 244, "waarvan btw 21%").text(450, 244, "€ 21,00")
                .bytes();
        DocumentResult r = reader.read("incl.pdf", pdf);
        assertThat(r.fields().total()).isEqualByComparingTo("121.00");
        assertThat(r.fields().taxAmount()).isEqualByComparingTo("21.00");
        assertThat(r.fields().subtotal()).isEqualByComparingTo("100.00");
        assertThat(r.fieldConfidence()).isEqualTo(1.0);
    }

    @Test
    void neverTakesALongDigitRunForAnAmount() {
        assertThat(Amounts.find("VAT reg. no. GB123456789")).isEmpty();
        assertThat(Amounts.find("Account 1234567890")).isEmpty();
        assertThat(Amounts.find("Meter point 871687120000123456")).isEmpty();
        assertThat(Amounts.find("INV-2026-0042")).isEmpty();
        assertThat(Amounts.find("14.10.2026")).isEmpty();
        assertThat(Amounts.find("Total 1.234,56 EUR").orElseThrow().amount()).isEqualByComparingTo("1234.56");
        assertThat(Amounts.find("CHF 1'234.50").orElseThrow().amount()).isEqualByComparingTo("1234.50");
        assertThat(Amounts.find("Total 1\u202F234,56 €").orElseThrow().amount()).isEqualByComparingTo("1234.56");
        assertThat(Amounts.find("-$71.75").orElseThrow().amount()).isEqualByComparingTo("-71.75");
        byte[] pdf = new TestPdf()
                .text(50, 50, 16, "Lakeside Energy plc").text(420, 50, 20, "Electricity bill")
                .text(50, 100, "Bill number: 2026.4837").text(50, 112, "Bill date: 09/10/2026")
                .text(50, 124, "Account number 1429270085731").text(50, 136, "Meter point reference 5373862120320347")
                .text(300, 220, "Subtotal").text(450, 220, "£300.00")
                .text(300, 232, "VAT 5%").text(450, 232, "£15.00")
                .text(300, 244, "Total").text(450, 244, "£315.00")
                .text(50, 300, 7, "Lakeside Energy plc · VAT reg. no. GB 123 4567 89 · Company no. 08123456 · IBAN GB23 6111 5823 2224 6414 92")
                .bytes();
        HeaderFields f = reader.read("utility.pdf", pdf).fields();
        assertThat(f.total()).isEqualByComparingTo("315.00");
        assertThat(f.taxAmount()).isEqualByComparingTo("15.00");
    }

    @Test
    void prefersTheGrandTotalOverBalanceAndAmountDueLines() {
        byte[] pdf = new TestPdf()
                .text(50, 50, 16, "Atlas Office Direct Ltd").text(420, 50, 20, "Invoice")
                .text(50, 100, "Invoice #: 55-1029").text(50, 112, "Issued: 14 October 2026").text(50, 124, "Due: 13 November 2026")
                .text(300, 90, "Amount due (GBP)").text(300, 102, "£70.00")
                .text(300, 220, "Subtotal").text(450, 220, "£100.00")
                .text(300, 232, "VAT 20%").text(450, 232, "£20.00")
                .text(300, 244, "Total").text(450, 244, "£120.00")
                .text(300, 256, "Deposit received").text(450, 256, "-£50.00")
                .text(300, 268, "Balance due").text(450, 268, "£70.00")
                .bytes();
        DocumentResult r = reader.read("balance.pdf", pdf);
        assertThat(r.fields().total()).isEqualByComparingTo("120.00");
        assertThat(r.fields().dueDate()).isEqualTo(LocalDate.of(2026, 11, 13));
        assertThat(r.fieldConfidence()).isEqualTo(1.0);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "14 Oct. 2026|2026-10-14", "14-Oct-2026|2026-10-14", "14.Okt.2026|2026-10-14", "Oct 14,2026|2026-10-14",
        "Oct. 14 , 2026|2026-10-14", "October 14th, 2026|2026-10-14", "14th October 2026|2026-10-14", "14  oktober  2026|2026-10-14",
        "1er octobre 2026|2026-10-01", "mardi 14 octobre 2026|2026-10-14", "3 de octubre de 2026|2026-10-03",
        "14 ottobre 2026|2026-10-14", "Dienstag, 14. Oktober 2026|2026-10-14", "14. 10. 2026|2026-10-14", "14 / 10 / 26|2026-10-14",
        "5 févr. 2026|2026-02-05", "12 März 2026|2026-03-12", "2 giugno 2026|2026-06-02"})
    void readsMonthNameAndSpacedDatesInSeveralLanguages(String printed, String expected) {
        List<Dates.Found> found = Dates.findAll(Text.fold(printed), Dates.Order.DAY_FIRST);
        assertThat(found).extracting(Dates.Found::date).first().isEqualTo(LocalDate.parse(expected));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"Inv. No. 4711-A|4711-A", "Invoice: INV-88|INV-88", "Fattura n. 123/2026|123/2026",
        "Receipt #2041-7718|2041-7718", "Invoice ID 20260412|20260412", "Factuurnr. NL-26-4471|NL-26-4471"})
    void readsTheNumberAfterItsLabelInSeveralSpellings(String line, String expected) {
        byte[] pdf = new TestPdf().text(50, 50, 16, "Atlas Office Direct Ltd").text(50, 100, line)
                .text(300, 220, "Total").text(450, 220, "10.00 EUR").bytes();
        assertThat(reader.read("n.pdf", pdf).fields().documentNumber()).isEqualTo(expected);
    }

    @Test
    void keepsATitleThatCarriesTheNumberAsATitle() {
        byte[] pdf = new TestPdf()
                .text(50, 40, 7, "Müller Getränke GmbH · Am Hafen 3, 20457 Hamburg")
                .text(50, 80, "Backroom Retail B.V.").text(350, 80, "Kundennummer 5607679").text(350, 92, "Datum 06. 04. 2026")
                .text(50, 150, 15, "Rechnung Nr. 2026.9444")
                .text(50, 170, "Sehr geehrte Damen und Herren, für unsere Lieferungen berechnen wir Ihnen:")
                .text(300, 220, "Zwischensumme").text(450, 220, "143.409,77 €")
                .text(300, 232, "zzgl. 19 % MwSt.").text(450, 232, "27.247,86 EUR")
                .text(300, 244, "Summe").text(450, 244, "170.657,63 EUR")
                .bytes();
        DocumentResult r = reader.read("letter.pdf", pdf);
        assertThat(r.documentType()).isEqualTo(DocumentType.INVOICE);
        assertThat(r.typeConfidence()).isGreaterThan(0.8);
        assertThat(r.fields().documentNumber()).isEqualTo("2026.9444");
        assertThat(r.fields().documentDate()).isEqualTo(LocalDate.of(2026, 4, 6));
        assertThat(r.fields().total()).isEqualByComparingTo("170657.63");
    }

    @Test
    void lowersTheFieldConfidenceWhenTheChecksFail() {
        byte[] pdf = new TestPdf()
                .text(50, 50, 16, "Atlas Office Direct Ltd").text(420, 50, 20, "Invoice")
                .text(50, 100, "Invoice No.: 77-1").text(50, 112, "Invoice date: 14/10/2026").text(50, 124, "Due date: 01/10/2026")
                .text(300, 220, "Subtotal").text(450, 220, "100.00")
                .text(300, 232, "VAT 20%").text(450, 232, "20.00")
                .text(300, 244, "Total").text(450, 244, "130.00 EUR")
                .bytes();
        DocumentResult r = reader.read("bad.pdf", pdf);
        assertThat(r.fields().total()).isEqualByComparingTo("130.00");
        assertThat(r.fieldConfidence()).isLessThan(0.5);
        assertThat(r.reasons()).anySatisfy(reason -> assertThat(reason.text()).contains("do not add up").contains("before the document date"));
    }

    @Test
    void givesAClearResultForTruncatedZeroPageAndTooManyPagePdfs() throws IOException {
        byte[] good = new TestPdf().text(50, 50, 18, "INVOICE").text(50, 80, "Invoice No. 77-1").text(50, 92, "Total 10.00 EUR").bytes();
        byte[] truncated = java.util.Arrays.copyOf(good, good.length / 3);
        DocumentResult cut = reader.read("cut.pdf", truncated);
        assertThat(cut.status()).isIn(DocumentResult.Status.MALFORMED, DocumentResult.Status.NEEDS_OCR);
        assertThat(cut.message()).isNotBlank();
        assertThat(reader.read("garbage.pdf", "not a pdf at all".getBytes()).status()).isEqualTo(DocumentResult.Status.MALFORMED);
        try (PDDocument empty = new PDDocument(); var out = new java.io.ByteArrayOutputStream()) {
            empty.save(out);
            DocumentResult r = reader.read("zero.pdf", out.toByteArray());
            assertThat(r.status()).isIn(DocumentResult.Status.EMPTY, DocumentResult.Status.MALFORMED);
            assertThat(r.message()).isNotBlank();
        }
        try (PDDocument many = new PDDocument(); var out = new java.io.ByteArrayOutputStream()) {
            for (int i = 0; i < 501; i++) {
                many.addPage(new PDPage());
            }
            many.save(out);
            DocumentResult r = reader.read("many.pdf", out.toByteArray());
            assertThat(r.status()).isEqualTo(DocumentResult.Status.TOO_LARGE);
            assertThat(r.message()).contains("501 pages");
        }
    }
}
