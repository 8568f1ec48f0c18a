package io.backroom.ml.documents;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The printed labels of header fields in English, French, German, Dutch, Spanish and Italian, as
 * patterns over folded text (lower case, no accents, see {@link Text#fold}). Order matters: more
 * specific labels (due date, order and period dates) are matched and masked before the generic ones
 * (date). Amount labels (subtotal, tax, total, balance) are roles of {@link Totals}.
 */
final class Labels {
    private Labels() {
    }

    private static Pattern p(String regex) {
        return Pattern.compile(regex);
    }

    private static final java.util.Map<List<Pattern>, Pattern> UNIONS = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Whether any label of the union matches in the text. Every label starts at a word start (or at the
     * line start), so the union is tried there only, not at every character: the same answer as
     * {@code find()}, several times faster on long lines.
     */
    static boolean anyAt(Pattern union, CharSequence text) {
        java.util.regex.Matcher m = union.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        int n = text.length();
        for (int i = 0; i < n; i++) {
            boolean start = i == 0 || Character.isLetterOrDigit(text.charAt(i)) && !Character.isLetterOrDigit(text.charAt(i - 1))
                    || text.charAt(i) == '#';
            if (start) {
                m.region(i, n);
                if (m.lookingAt()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** One pattern matching wherever any of the list matches: a fast first pass over every line. */
    static Pattern union(List<Pattern> labels) {
        return UNIONS.computeIfAbsent(labels, l -> Pattern.compile(l.stream().map(x -> "(?:" + x.pattern() + ")")
                .collect(java.util.stream.Collectors.joining("|"))));
    }

    static final List<Pattern> DUE_DATE = List.of(
            p("\\bdue\\s+(?:date|on|by)\\b"), p("\\bpayment\\s+due\\b"), p("\\bpay(?:able)?\\s+by\\b"), p("\\bdate\\s+due\\b"),
            p("\\bdate\\s+d'?\\s*echeance\\b"), p("\\becheance\\b"), p("\\ba\\s+payer\\s+avant(?:\\s+le)?\\b"), p("\\bpayable\\s+le\\b"),
            p("\\bfalligkeit(?:sdatum)?\\b"), p("\\bfallig\\s+(?:am|bis)\\b"), p("\\bzahlbar\\s+bis\\b"), p("\\bzahlungsziel\\b"),
            p("\\bvervaldatum\\b"), p("\\bvervaldag\\b"), p("\\bte\\s+betalen\\s+voor\\b"), p("\\buiterste\\s+betaaldatum\\b"),
            p("\\bfecha\\s+de\\s+vencimiento\\b"), p("\\bvencimiento\\b"), p("\\bpagar\\s+antes\\s+de(?:l)?\\b"),
            p("\\b(?:data\\s+(?:di\\s+)?)?scadenza\\b"), p("\\bda\\s+pagare\\s+entro(?:\\s+il)?\\b"), p("\\bdue\\s*:"), p("^\\s*due\\b(?!\\s+(?:to|for)\\b)"),
            // Direct-debit dates of utility bills: "We will collect this by direct debit on ...", "wird abgebucht am ...".
            p("\\b(?:debit(?:ed)?|collect(?:ed)?)\\b.{0,30}?\\bon\\b"), p("\\babgebucht\\s+am\\b"), p("\\bprelevement\\b.{0,20}?\\ble\\b"),
            p("\\baf\\s+op\\b"), p("\\bcargara\\b.{0,25}?\\bel\\b"), p("\\baddebito\\b.{0,20}?\\bil\\b"));

    static final List<Pattern> DOCUMENT_DATE = List.of(
            p("\\b(?:issued(?:\\s+on)?|bill\\s+date|stichtag|statement\\s+as\\s+of|as\\s+(?:of|at)|date\\s+du\\s+releve|arrete\\s+au|"
                    + "per\\s+datum|peildatum|fecha\\s+de\\s+corte|a\\s+fecha\\s+de|fecha\\s+del\\s+extracto)\\b"),
            p("\\b(?:invoice|credit\\s+note|statement|reminder|quote|quotation|document|issue|tax\\s+point)\\s+date\\b"),
            p("\\bdate\\s+of\\s+(?:invoice|issue)\\b"), p("\\bdated\\b"),
            p("\\bdate\\s+(?:de\\s+(?:la\\s+)?)?(?:facture|facturation|l'avoir|avoir|emission|releve|rappel|devis)\\b"),
            p("\\b(?:rechnungs|gutschrifts|beleg|ausstellungs|mahn|angebots|auszugs)datum\\b"), p("\\bdatum\\s+der\\s+rechnung\\b"),
            p("\\b(?:factuur|creditnota|document|herinnerings|offerte|overzichts)datum\\b"),
            p("\\bfecha\\s+(?:de\\s+)?(?:la\\s+)?(?:factura|emision|expedicion|abono|nota|extracto|recordatorio|presupuesto)\\b"),
            p("\\bdate\\s+d'\\s*emission\\b"), p("\\bdata\\s+(?:della\\s+)?(?:fattura|emissione|documento)\\b"),
            p("\\b(?:date\\s+paid|paid\\s+on|bezahlt\\s+am|paye\\s+le|betaald\\s+op|fecha\\s+de\\s+pago|pagato\\s+il)\\b"),
            p("\\b(?:date|datum|fecha|data)\\s*:"));

    /** Dates that are not the document's: order, delivery, period; masked before the generic date labels are tried. */
    static final List<Pattern> OTHER_DATES = List.of(
            p("\\b(?:order|bestell|besteld|delivery|liefer|ship(?:ping|ped)?|dispatch|leverings?|entrega|consegna|livraison|commande|pedido|ordine|"
                    + "auftrags)\\w*\\s*(?:date|datum|fecha|data|placed|on|am|op|le|el|il)?\\b"),
            p("\\b(?:ordered\\s+on|order\\s+placed|bestellt\\s+am|commande\\s+passee\\s+le|pedido\\s+realizado\\s+el|ordine\\s+effettuato\\s+il)\\b"),
            p("\\b(?:billing\\s+period|period|periode|periodo|abrechnungszeitraum|zeitraum|leistungszeitraum|service\\s+period)\\b(?:\\s+(?:de|di)\\s+\\w+)?"));

    /** Bare "date" words: trusted only with the value on the same line (a table header also says "Date"). */
    static final List<Pattern> GENERIC_DATE = List.of(p("\\bdate\\b"), p("\\bdatum\\b"), p("\\bfecha\\b"), p("\\bdata\\b"),
            p("\\ble\\b(?=\\s*\\d)"));

    /** A bare column header over the document number in a header table ("Number", "No.", "Invoice"). */
    static final Pattern BARE_NUMBER_HEADER = p("^(?:number|no\\.?|nr\\.?|n[o.]?|#|nummer|numero|num\\.?|invoice|rechnung|facture|factuur|factura|"
            + "fattura|bill|beleg|document|doc\\.?|receipt|ref\\.?)$");
    /** A bare column header over the document date in a header table. */
    static final Pattern BARE_DATE_HEADER = p("^(?:date|datum|fecha|data|dated)$");

    static final List<Pattern> NUMBER = List.of(
            p("\\b(?:fattura|ricevuta|nota\\s+di\\s+credito)\\s*(?:n|no|nr|num|numero)\\b\\.?"), p("\\b(?:numero|n|no|num)\\.?\\s+(?:della\\s+)?fattura\\b"),
            p("\\b(?:receipt|recibo|recu|quittungs?|kassabon|bon)\\s*-?\\s*(?:(?:no|nr|number|num|nummer|numero|n)\\b\\.?|#)"),
            p("\\b(?:quittungs|bon|beleg)nummer\\b"),
            p("\\b(?:invoice|inv|bill|credit\\s*note|credit\\s+memo|statement|reminder|quote|quotation|pro-?\\s?forma(?:\\s+invoice)?|document|doc)\\.?\\s*-?\\s*(?:(?:no|nr|number|num|n)\\b\\.?|#)"),
            p("\\b(?:gutschrift|rechnung)s?-?\\s*(?:nr|no|nummer)\\b\\.?"),
            p("\\b(?:facture|avoir|releve|rappel|devis|note\\s+de\\s+credit)\\s*(?:no|n|numero|num)\\b\\.?"),
            p("\\b(?:no|n|numero|num)\\.?\\s*(?:de\\s+|d')?\\s*(?:la\\s+)?(?:facture|l'avoir|avoir|releve|rappel|devis|document)\\b"),
            p("\\b(?:rechnungs|gutschrifts|beleg|mahn|angebots|auszugs|dokument)-?\\s*(?:nummer|nr)\\b\\.?"),
            p("\\b(?:rechnung|gutschrift|mahnung|angebot|kontoauszug|zahlungserinnerung)\\s*(?:nr|no|nummer)\\b\\.?"),
            p("\\b(?:factuur|creditnota|herinnering|offerte|aanmaning|rekeningoverzicht)\\s*-?\\s*(?:nummer|nr|no)\\b\\.?"),
            p("\\b(?:factuur|creditnota|offerte)nummer\\b"),
            p("\\b(?:numero|no|n|num)\\.?\\s*(?:de\\s+)?(?:la\\s+)?(?:factura|abono|nota\\s+de\\s+credito|extracto|recordatorio|presupuesto)\\b"),
            p("\\b(?:factura|abono|nota\\s+de\\s+credito|extracto|recordatorio|presupuesto|factura\\s+proforma)\\s*(?:no|n|num|numero)\\b\\.?"),
            p("\\b(?:invoice|bill)\\s+(?:id|ref\\.?)\\b"),
            p("^\\s*(?:tax\\s+)?(?:invoice|rechnung|facture|factuur|factura|fattura|receipt|bill)\\s*:"),
            p("\\breference\\s*(?:no|number)?\\b"), p("\\breferentie\\b"), p("\\breferencia\\b"));

    static final List<Pattern> PO = List.of(
            p("\\b(?:purchase\\s+order|p\\.?\\s?o\\.?)(?![-/\\d\\w])\\s*(?:(?:no|nr|number|ref(?:erence)?)\\b\\.?|#)?"), p("\\byour\\s+(?:order|ref(?:erence)?|po)\\b"),
            p("\\border\\s*(?:no|nr|number|ref(?:erence)?|#)\\b\\.?"),
            p("\\bbon\\s+de\\s+commande\\b"), p("\\b(?:votre\\s+)?commande\\s*(?:no|n)?\\b"), p("\\bref(?:erence)?\\.?\\s+commande\\b"),
            p("\\bbestell(?:ung)?-?\\s*(?:nummer|nr)\\b\\.?"), p("\\b(?:ihre\\s+)?bestellung\\b"), p("\\bauftrags-?\\s*(?:nummer|nr)\\b\\.?"),
            p("\\binkoop\\s*order(?:nummer)?\\b"), p("\\b(?:uw\\s+)?bestel(?:ling|nummer)\\b"), p("\\bordernummer\\b"),
            p("\\borden\\s+de\\s+compra\\b"), p("\\b(?:no|n|numero)\\.?\\s*(?:de\\s+)?pedido\\b"), p("\\b(?:su\\s+)?pedido\\b"));

    static final List<Pattern> SUPPLIER = List.of(
            p("^\\s*(?:from|supplier|vendor|seller|issued\\s+by|fournisseur|emetteur|vendeur|lieferant|verkaufer|leverancier|"
                    + "verkoper|proveedor|emisor|vendedor)\\s*:"));

    static final List<Pattern> BUYER = List.of(
            p("\\b(?:bill(?:ed)?\\s+to|invoice\\s+to|sold\\s+to|ship\\s+to|deliver\\s+to|customer|client|facture\\s+a|adresse\\s+de\\s+facturation|"
                    + "livre\\s+a|rechnungsempfanger|rechnungsadresse|kunde|lieferadresse|an:|factuuradres|klant|afleveradres|"
                    + "facturar\\s+a|cliente|destinatario|enviar\\s+a)\\b"));
}
