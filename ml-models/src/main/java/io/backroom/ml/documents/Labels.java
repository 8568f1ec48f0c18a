package io.backroom.ml.documents;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The printed labels of header fields in English, French, German, Dutch and Spanish, as patterns
 * over folded text (lower case, no accents, see {@link Text#fold}). Order matters: more specific
 * labels (due date, subtotal) are matched and masked before the generic ones (date, total).
 */
final class Labels {
    private Labels() {
    }

    private static Pattern p(String regex) {
        return Pattern.compile(regex);
    }

    static final List<Pattern> DUE_DATE = List.of(
            p("\\bdue\\s+(?:date|on|by)\\b"), p("\\bpayment\\s+due\\b"), p("\\bpay(?:able)?\\s+by\\b"), p("\\bdate\\s+due\\b"),
            p("\\bdate\\s+d'?\\s*echeance\\b"), p("\\becheance\\b"), p("\\ba\\s+payer\\s+avant(?:\\s+le)?\\b"), p("\\bpayable\\s+le\\b"),
            p("\\bfalligkeit(?:sdatum)?\\b"), p("\\bfallig\\s+(?:am|bis)\\b"), p("\\bzahlbar\\s+bis\\b"), p("\\bzahlungsziel\\b"),
            p("\\bvervaldatum\\b"), p("\\bvervaldag\\b"), p("\\bte\\s+betalen\\s+voor\\b"), p("\\buiterste\\s+betaaldatum\\b"),
            p("\\bfecha\\s+de\\s+vencimiento\\b"), p("\\bvencimiento\\b"), p("\\bpagar\\s+antes\\s+de(?:l)?\\b"));

    static final List<Pattern> DOCUMENT_DATE = List.of(
            p("\\b(?:issued(?:\\s+on)?|bill\\s+date|stichtag|statement\\s+as\\s+of|as\\s+(?:of|at)|date\\s+du\\s+releve|arrete\\s+au|"
                    + "per\\s+datum|peildatum|fecha\\s+de\\s+corte|a\\s+fecha\\s+de|fecha\\s+del\\s+extracto)\\b"),
            p("\\b(?:invoice|credit\\s+note|statement|reminder|quote|quotation|document|issue|tax\\s+point)\\s+date\\b"),
            p("\\bdate\\s+of\\s+(?:invoice|issue)\\b"), p("\\bdated\\b"),
            p("\\bdate\\s+(?:de\\s+(?:la\\s+)?)?(?:facture|facturation|l'avoir|avoir|emission|releve|rappel|devis)\\b"),
            p("\\b(?:rechnungs|gutschrifts|beleg|ausstellungs|mahn|angebots|auszugs)datum\\b"), p("\\bdatum\\s+der\\s+rechnung\\b"),
            p("\\b(?:factuur|creditnota|document|herinnerings|offerte|overzichts)datum\\b"),
            p("\\bfecha\\s+(?:de\\s+)?(?:la\\s+)?(?:factura|emision|expedicion|abono|nota|extracto|recordatorio|presupuesto)\\b"),
            p("\\b(?:date|datum|fecha)\\s*:"));

    /** Bare "date" words: trusted only with the value on the same line (a table header also says "Date"). */
    static final List<Pattern> GENERIC_DATE = List.of(p("\\bdate\\b"), p("\\bdatum\\b"), p("\\bfecha\\b"), p("\\ble\\b(?=\\s*\\d)"));

    static final List<Pattern> NUMBER = List.of(
            p("\\b(?:invoice|inv|bill|credit\\s*note|credit\\s+memo|statement|reminder|quote|quotation|pro-?\\s?forma(?:\\s+invoice)?|document|doc)\\s*-?\\s*(?:(?:no|nr|number|num|n)\\b\\.?|#)"),
            p("\\b(?:gutschrift|rechnung)s?-?\\s*(?:nr|no|nummer)\\b\\.?"),
            p("\\b(?:facture|avoir|releve|rappel|devis|note\\s+de\\s+credit)\\s*(?:no|n|numero|num)\\b\\.?"),
            p("\\b(?:no|n|numero|num)\\.?\\s*(?:de\\s+|d')?\\s*(?:la\\s+)?(?:facture|l'avoir|avoir|releve|rappel|devis|document)\\b"),
            p("\\b(?:rechnungs|gutschrifts|beleg|mahn|angebots|auszugs|dokument)-?\\s*(?:nummer|nr)\\b\\.?"),
            p("\\b(?:rechnung|gutschrift|mahnung|angebot|kontoauszug|zahlungserinnerung)\\s*(?:nr|no|nummer)\\b\\.?"),
            p("\\b(?:factuur|creditnota|herinnering|offerte|aanmaning|rekeningoverzicht)\\s*-?\\s*(?:nummer|nr|no)\\b\\.?"),
            p("\\b(?:factuur|creditnota|offerte)nummer\\b"),
            p("\\b(?:numero|no|n|num)\\.?\\s*(?:de\\s+)?(?:la\\s+)?(?:factura|abono|nota\\s+de\\s+credito|extracto|recordatorio|presupuesto)\\b"),
            p("\\b(?:factura|abono|nota\\s+de\\s+credito|extracto|recordatorio|presupuesto|factura\\s+proforma)\\s*(?:no|n|num|numero)\\b\\.?"),
            p("\\breference\\s*(?:no|number)?\\b"), p("\\breferentie\\b"), p("\\breferencia\\b"));

    static final List<Pattern> PO = List.of(
            p("\\b(?:purchase\\s+order|p\\.?\\s?o\\.?)(?![-/\\d\\w])\\s*(?:(?:no|nr|number|ref(?:erence)?)\\b\\.?|#)?"), p("\\byour\\s+(?:order|ref(?:erence)?|po)\\b"),
            p("\\border\\s*(?:no|nr|number|ref(?:erence)?|#)\\b\\.?"),
            p("\\bbon\\s+de\\s+commande\\b"), p("\\b(?:votre\\s+)?commande\\s*(?:no|n)?\\b"), p("\\bref(?:erence)?\\.?\\s+commande\\b"),
            p("\\bbestell(?:ung)?-?\\s*(?:nummer|nr)\\b\\.?"), p("\\b(?:ihre\\s+)?bestellung\\b"), p("\\bauftrags-?\\s*(?:nummer|nr)\\b\\.?"),
            p("\\binkoop\\s*order(?:nummer)?\\b"), p("\\b(?:uw\\s+)?bestel(?:ling|nummer)\\b"), p("\\bordernummer\\b"),
            p("\\borden\\s+de\\s+compra\\b"), p("\\b(?:no|n|numero)\\.?\\s*(?:de\\s+)?pedido\\b"), p("\\b(?:su\\s+)?pedido\\b"));

    static final List<Pattern> SUBTOTAL = List.of(
            p("\\b(?:overdue\\s+amount|amount\\s+overdue|uberfalliger\\s+betrag|faelliger\\s+betrag|importe\\s+vencido|montant\\s+(?:echu|impaye|du\\s+echu)|"
                    + "achterstallig\\s+bedrag|vervallen\\s+bedrag)\\b"),
            p("\\bsub-?\\s?total\\b"), p("\\bnet\\s+(?:total|amount)\\b"), p("\\btotal\\s+(?:net|excl(?:uding)?\\.?(?:\\s+(?:vat|tax))?|before\\s+tax)\\b"),
            p("\\bamount\\s+excl"), p("\\btotal\\s+h\\.?t\\.?\\b"), p("\\bmontant\\s+h\\.?t\\.?\\b"), p("\\bsous-?\\s?total\\b"),
            p("\\btotal\\s+hors\\s+taxes?\\b"), p("\\bnettobetrag\\b"), p("\\bzwischensumme\\b"), p("\\bsumme\\s+netto\\b"),
            p("\\bnettosumme\\b"), p("\\bgesamt\\s+netto\\b"), p("\\bnetto(?:bedrag)?\\b"), p("\\bsubtotaal\\b"), p("\\btotaal\\s+excl"),
            p("\\bbase\\s+imponible\\b"), p("\\bimporte\\s+neto\\b"), p("\\btotal\\s+sin\\s+iva\\b"));

    static final List<Pattern> TAX = List.of(
            p("\\b(?:vat|tax|sales\\s+tax|gst)\\b(?!\\s*(?:no|nr|number|id|reg|registration|#|:?\\s*[a-z]{2}\\d))"),
            p("\\btva\\b(?!\\s*(?:intra|no|n\\b|numero|:?\\s*[a-z]{2}\\d))"), p("\\bmontant\\s+(?:de\\s+la\\s+)?tva\\b"),
            p("\\b(?:mwst|ust|umsatzsteuer|mehrwertsteuer)\\b(?!-?\\s*id)"), p("\\bbtw\\b(?!-?\\s*(?:nummer|nr|no|id))"),
            p("\\biva\\b(?!\\s*(?:no|n\\b|numero))"), p("\\bimpuesto\\b"));

    static final List<Pattern> TOTAL = List.of(
            p("\\btotal\\s+(?:amount\\s+)?(?:due|payable|to\\s+pay)\\b"), p("\\bamount\\s+(?:due|payable|to\\s+pay|outstanding)\\b"),
            p("\\bbalance\\s+(?:due|outstanding)\\b"), p("\\b(?:offener|offene|open|openstaand|outstanding)\\s+(?:saldo|balance|posten|bedrag)\\b"),
            p("\\b(?:solde|saldo)\\s+(?:du|a\\s+payer|pendiente|total|dû|final)\\b"), p("\\b(?:solde|saldo|balance)\\b"), p("\\bgrand\\s+total\\b"), p("\\btotal\\s+(?:incl(?:uding)?\\.?(?:\\s+(?:vat|tax))?)\\b"),
            p("\\btotal\\s+t\\.?t\\.?c\\.?\\b"), p("\\bmontant\\s+t\\.?t\\.?c\\.?\\b"), p("\\bnet\\s+a\\s+payer\\b"), p("\\btotal\\s+a\\s+payer\\b"),
            p("\\bmontant\\s+(?:total|du)\\b"), p("\\bsolde\\s+du\\b"),
            p("\\bgesamtbetrag\\b"), p("\\brechnungsbetrag\\b"), p("\\bgesamtsumme\\b"), p("\\bzu\\s+zahlen(?:der\\s+betrag)?\\b"),
            p("\\bendbetrag\\b"), p("\\bsumme\\s+brutto\\b"), p("\\bbruttobetrag\\b"), p("\\boffener\\s+betrag\\b"), p("\\bgutschriftsbetrag\\b"),
            p("\\btotaal\\s+(?:incl\\.?(?:\\s+btw)?|te\\s+betalen|bedrag)\\b"), p("\\bte\\s+betalen\\b"), p("\\btotaalbedrag\\b"),
            p("\\bopenstaand\\s+bedrag\\b"),
            p("\\btotal\\s+(?:a\\s+pagar|factura|con\\s+iva|importe)\\b"), p("\\bimporte\\s+total\\b"), p("\\bsaldo\\s+pendiente\\b"),
            p("\\btotal\\b"), p("\\btotaal\\b"), p("\\bsumme\\b"), p("\\bbetrag\\b"), p("\\bimporte\\b"));

    static final List<Pattern> SUPPLIER = List.of(
            p("^\\s*(?:from|supplier|vendor|seller|issued\\s+by|fournisseur|emetteur|vendeur|lieferant|verkaufer|leverancier|"
                    + "verkoper|proveedor|emisor|vendedor)\\s*:"));

    static final List<Pattern> BUYER = List.of(
            p("\\b(?:bill(?:ed)?\\s+to|invoice\\s+to|sold\\s+to|ship\\s+to|deliver\\s+to|customer|client|facture\\s+a|adresse\\s+de\\s+facturation|"
                    + "livre\\s+a|rechnungsempfanger|rechnungsadresse|kunde|lieferadresse|an:|factuuradres|klant|afleveradres|"
                    + "facturar\\s+a|cliente|destinatario|enviar\\s+a)\\b"));
}
