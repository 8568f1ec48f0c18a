package io.backroom.sampledata.pdf;

import io.backroom.sampledata.model.Supplier;
import io.backroom.sampledata.pdf.InvoiceLayout.Column;
import io.backroom.sampledata.pdf.InvoiceLayout.Header;
import io.backroom.sampledata.pdf.InvoiceLayout.Kind;
import io.backroom.sampledata.pdf.InvoiceLayout.Meta;
import io.backroom.sampledata.pdf.InvoiceLayout.Table;
import io.backroom.sampledata.pdf.InvoiceLayout.Totals;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The seven supplier invoice layouts and which supplier uses which. */
public final class InvoiceLayouts {
    static final InvoiceLayout EN_CLASSIC = new InvoiceLayout("EN_CLASSIC", "en", false, NumberStyle.ENGLISH,
            "dd/MM/yyyy", Locale.UK, Fonts.Face.SERIF, Fonts.Face.SERIF_BOLD, Fonts.Face.SERIF, 0x1F3A5F,
            Header.LOGO_LEFT_TITLE_RIGHT, Meta.BOX_RIGHT, Table.GRID, Totals.RIGHT_BOXED,
            List.of(new Column(Kind.CODE, "Code", 0.13f), new Column(Kind.DESCRIPTION, "Description", 0.41f),
                    new Column(Kind.QTY, "Qty", 0.08f), new Column(Kind.UNIT_PRICE, "Unit Price", 0.14f),
                    new Column(Kind.TAX_RATE, "VAT %", 0.09f), new Column(Kind.AMOUNT, "Net", 0.15f)),
            Map.ofEntries(Map.entry("title", "INVOICE"), Map.entry("number", "Invoice No."),
                    Map.entry("date", "Invoice Date"), Map.entry("due", "Due Date"),
                    Map.entry("po", "Your Order Ref."), Map.entry("customer", "Account No."),
                    Map.entry("billTo", "Invoice To"), Map.entry("shipTo", "Deliver To"),
                    Map.entry("subtotal", "Net Total"), Map.entry("tax", "VAT %s%%"),
                    Map.entry("total", "Invoice Total"), Map.entry("page", "Page %d of %d"),
                    Map.entry("terms", "Terms: %s"), Map.entry("bank", "Bank details"), Map.entry("vat", "VAT Reg. No."),
                    Map.entry("continued", "Continued overleaf"), Map.entry("footer",
                            "Registered in England and Wales. Goods remain our property until paid in full.")),
            22, 34);

    static final InvoiceLayout EN_MODERN = new InvoiceLayout("EN_MODERN", "en", false, NumberStyle.ENGLISH_CODE,
            "d MMM yyyy", Locale.UK, Fonts.Face.SANS, Fonts.Face.SANS_BOLD, Fonts.Face.SANS, 0x0E7C66,
            Header.BANNER, Meta.STRIP, Table.ZEBRA, Totals.RIGHT,
            List.of(new Column(Kind.DESCRIPTION, "Description", 0.46f), new Column(Kind.CODE, "SKU", 0.14f),
                    new Column(Kind.QTY, "Qty", 0.09f), new Column(Kind.UNIT_PRICE, "Rate", 0.14f),
                    new Column(Kind.AMOUNT, "Amount", 0.17f)),
            Map.ofEntries(Map.entry("title", "Tax Invoice"), Map.entry("number", "Inv #"),
                    Map.entry("date", "Issued"), Map.entry("due", "Payment due"), Map.entry("po", "PO #"),
                    Map.entry("customer", "Customer ID"), Map.entry("billTo", "Billed to"),
                    Map.entry("shipTo", "Ship to"), Map.entry("subtotal", "Subtotal"),
                    Map.entry("tax", "VAT @ %s%%"), Map.entry("total", "Amount Due"),
                    Map.entry("page", "%d / %d"), Map.entry("terms", "Payment terms: %s"),
                    Map.entry("bank", "Pay by bank transfer to"), Map.entry("vat", "VAT no."),
                    Map.entry("continued", "continued on next page"),
                    Map.entry("footer", "Thank you for your business.")),
            20, 36);

    static final InvoiceLayout EN_US = new InvoiceLayout("EN_US", "en", true, NumberStyle.ENGLISH, "MM/dd/yyyy",
            Locale.US, Fonts.Face.SANS, Fonts.Face.SANS_BOLD, Fonts.Face.MONO, 0x8A3B12,
            Header.CENTERED_TITLE_LOGO_RIGHT, Meta.LEFT_LIST, Table.RULES, Totals.RIGHT,
            List.of(new Column(Kind.QTY, "Qty", 0.08f), new Column(Kind.CODE, "Item", 0.15f),
                    new Column(Kind.DESCRIPTION, "Description", 0.45f),
                    new Column(Kind.UNIT_PRICE, "Price Each", 0.15f), new Column(Kind.AMOUNT, "Amount", 0.17f)),
            Map.ofEntries(Map.entry("title", "BILL"), Map.entry("number", "Bill number"),
                    Map.entry("date", "Bill date"), Map.entry("due", "Pay by"), Map.entry("po", "P.O. No."),
                    Map.entry("customer", "Customer #"), Map.entry("billTo", "Sold To"),
                    Map.entry("shipTo", "Ship To"), Map.entry("subtotal", "Subtotal"),
                    Map.entry("tax", "Sales Tax (%s%%)"), Map.entry("total", "Balance Due"),
                    Map.entry("page", "Page %d of %d"), Map.entry("terms", "Terms %s"),
                    Map.entry("bank", "Remit to"), Map.entry("vat", "Tax ID"), Map.entry("continued", "(continued)"),
                    Map.entry("footer", "Export shipment - zero-rated. Please include the bill number with payment.")),
            24, 40);

    static final InvoiceLayout FR = new InvoiceLayout("FR", "fr", false, NumberStyle.FRENCH, "dd/MM/yyyy",
            Locale.FRANCE, Fonts.Face.CONDENSED, Fonts.Face.CONDENSED_BOLD, Fonts.Face.CONDENSED, 0x283593,
            Header.TITLE_LEFT_LOGO_RIGHT, Meta.TWO_COLUMN_TABLE, Table.GRID, Totals.RIGHT_BOXED,
            List.of(new Column(Kind.CODE, "Réf.", 0.13f), new Column(Kind.DESCRIPTION, "Désignation", 0.43f),
                    new Column(Kind.QTY, "Qté", 0.09f), new Column(Kind.UNIT_PRICE, "P.U. HT", 0.16f),
                    new Column(Kind.AMOUNT, "Montant HT", 0.19f)),
            Map.ofEntries(Map.entry("title", "FACTURE"), Map.entry("number", "N° de facture"),
                    Map.entry("date", "Date de facture"), Map.entry("due", "Échéance"),
                    Map.entry("po", "Votre commande n°"), Map.entry("customer", "Code client"),
                    Map.entry("billTo", "Facturé à"), Map.entry("shipTo", "Livré à"),
                    Map.entry("subtotal", "Total HT"), Map.entry("tax", "TVA %s %%"),
                    Map.entry("total", "Total TTC"), Map.entry("page", "Page %d/%d"),
                    Map.entry("terms", "Conditions de paiement : %s"), Map.entry("bank", "Coordonnées bancaires"),
                    Map.entry("vat", "N° TVA intracom."), Map.entry("continued", "Suite page suivante"),
                    Map.entry("footer", "Pénalités de retard : trois fois le taux d'intérêt légal. "
                            + "Indemnité forfaitaire pour frais de recouvrement : 40 €.")),
            20, 34);

    static final InvoiceLayout DE = new InvoiceLayout("DE", "de", false, NumberStyle.GERMAN, "dd.MM.yyyy",
            Locale.GERMANY, Fonts.Face.SANS, Fonts.Face.SANS_BOLD, Fonts.Face.CONDENSED, 0x444444,
            Header.WINDOW_ENVELOPE, Meta.RIGHT_COLUMN, Table.RULES, Totals.RIGHT,
            List.of(new Column(Kind.POS, "Pos.", 0.06f), new Column(Kind.CODE, "Art.-Nr.", 0.13f),
                    new Column(Kind.DESCRIPTION, "Bezeichnung", 0.37f), new Column(Kind.QTY, "Menge", 0.09f),
                    new Column(Kind.UNIT, "Einh.", 0.07f), new Column(Kind.UNIT_PRICE, "Einzelpreis", 0.13f),
                    new Column(Kind.AMOUNT, "Gesamt", 0.15f)),
            Map.ofEntries(Map.entry("title", "Rechnung"), Map.entry("number", "Rechnungsnummer"),
                    Map.entry("date", "Rechnungsdatum"), Map.entry("due", "Fällig am"),
                    Map.entry("po", "Ihre Bestellung"), Map.entry("customer", "Kundennummer"),
                    Map.entry("billTo", "Rechnungsempfänger"), Map.entry("shipTo", "Lieferanschrift"),
                    Map.entry("subtotal", "Nettobetrag"), Map.entry("tax", "zzgl. %s %% MwSt."),
                    Map.entry("total", "Gesamtbetrag"), Map.entry("page", "Seite %d von %d"),
                    Map.entry("terms", "Zahlungsbedingungen: %s"), Map.entry("bank", "Bankverbindung"),
                    Map.entry("vat", "USt-IdNr."), Map.entry("continued", "Übertrag"),
                    Map.entry("footer", "Geschäftsführer: siehe Handelsregister. Es gelten unsere AGB.")),
            18, 36);

    static final InvoiceLayout NL = new InvoiceLayout("NL", "nl", false, NumberStyle.DUTCH, "dd-MM-yyyy",
            Locale.forLanguageTag("nl-NL"), Fonts.Face.SANS, Fonts.Face.CONDENSED_BOLD, Fonts.Face.SANS, 0xE65100,
            Header.CENTERED_BANNER, Meta.TWO_COLUMN_TABLE, Table.ZEBRA, Totals.LEFT,
            List.of(new Column(Kind.CODE, "Artikel", 0.14f), new Column(Kind.DESCRIPTION, "Omschrijving", 0.38f),
                    new Column(Kind.QTY, "Aantal", 0.1f), new Column(Kind.UNIT_PRICE, "Prijs", 0.14f),
                    new Column(Kind.TAX_RATE, "BTW", 0.08f), new Column(Kind.AMOUNT, "Bedrag", 0.16f)),
            Map.ofEntries(Map.entry("title", "FACTUUR"), Map.entry("number", "Factuurnummer"),
                    Map.entry("date", "Factuurdatum"), Map.entry("due", "Vervaldatum"),
                    Map.entry("po", "Uw ordernummer"), Map.entry("customer", "Debiteurnummer"),
                    Map.entry("billTo", "Factuuradres"), Map.entry("shipTo", "Afleveradres"),
                    Map.entry("subtotal", "Subtotaal"), Map.entry("tax", "BTW %s%%"),
                    Map.entry("total", "Totaal te betalen"), Map.entry("page", "Pagina %d van %d"),
                    Map.entry("terms", "Betalingstermijn: %s"), Map.entry("bank", "IBAN"),
                    Map.entry("vat", "BTW-nummer"), Map.entry("continued", "zie volgende pagina"),
                    Map.entry("footer", "Op al onze leveringen zijn onze algemene voorwaarden van toepassing.")),
            20, 34);

    static final InvoiceLayout ES = new InvoiceLayout("ES", "es", false, NumberStyle.GERMAN, "dd/MM/yyyy",
            Locale.forLanguageTag("es-ES"), Fonts.Face.SERIF, Fonts.Face.SANS_BOLD, Fonts.Face.SERIF, 0xAD1457,
            Header.BIG_TITLE_LEFT, Meta.BOX_LEFT, Table.RULES, Totals.RIGHT_BOXED,
            List.of(new Column(Kind.CODE, "Código", 0.13f), new Column(Kind.DESCRIPTION, "Concepto", 0.43f),
                    new Column(Kind.QTY, "Cantidad", 0.11f), new Column(Kind.UNIT_PRICE, "Precio", 0.15f),
                    new Column(Kind.AMOUNT, "Importe", 0.18f)),
            Map.ofEntries(Map.entry("title", "FACTURA"), Map.entry("number", "Nº Factura"),
                    Map.entry("date", "Fecha"), Map.entry("due", "Vencimiento"), Map.entry("po", "Pedido"),
                    Map.entry("customer", "Cliente"), Map.entry("billTo", "Facturar a"),
                    Map.entry("shipTo", "Enviar a"), Map.entry("subtotal", "Base imponible"),
                    Map.entry("tax", "IVA %s%%"), Map.entry("total", "TOTAL"),
                    Map.entry("page", "Página %d de %d"), Map.entry("terms", "Forma de pago: %s"),
                    Map.entry("bank", "Cuenta bancaria"), Map.entry("vat", "CIF"), Map.entry("continued", "Suma y sigue"),
                    Map.entry("footer", "Inscrita en el Registro Mercantil. Protección de datos: sus datos se tratan "
                            + "conforme al RGPD.")),
            22, 36);

    /** Every invoice layout. */
    static final List<InvoiceLayout> ALL = List.of(EN_CLASSIC, EN_MODERN, EN_US, FR, DE, NL, ES);

    private InvoiceLayouts() {
    }

    /** Ids of every invoice layout. */
    public static List<String> ids() {
        return ALL.stream().map(InvoiceLayout::id).toList();
    }

    /** The layout a supplier's invoices use. */
    static InvoiceLayout forSupplier(Supplier supplier) {
        return switch (supplier.language()) {
            case "fr" -> FR;
            case "de" -> DE;
            case "nl" -> NL;
            case "es" -> ES;
            default -> "US".equals(supplier.country()) ? EN_US
                    : Math.floorMod(supplier.id().hashCode(), 2) == 0 ? EN_CLASSIC : EN_MODERN;
        };
    }

    /** The id of the layout a supplier's invoices use. */
    public static String layoutOf(Supplier supplier) {
        return forSupplier(supplier).id();
    }

    /** Formats an amount as layout {@code layoutId} prints it, without currency (for tests and readers). */
    public static String formatNumber(String layoutId, java.math.BigDecimal amount) {
        for (InvoiceLayout l : ALL) {
            if (l.id().equals(layoutId)) {
                return l.numbers().number(amount);
            }
        }
        return LetterTexts.forLanguage(languageOfLayout(layoutId)).numbers().number(amount);
    }

    private static String languageOfLayout(String layoutId) {
        int i = layoutId.lastIndexOf('_');
        return i < 0 ? "en" : layoutId.substring(i + 1).toLowerCase(Locale.ROOT);
    }
}
