package io.backroom.ml.documents;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Keyword evidence for each document type in five languages, weighted by where it is printed: a
 * word in the title (large type near the top) counts far more than the same word in the body,
 * where reminders and statements list invoices and credit notes quote them.
 */
final class DocumentTypes {
    private static final Map<DocumentType, Pattern> KEYWORDS = new EnumMap<>(Map.of(
            DocumentType.CREDIT_NOTE, Pattern.compile("\\b(?:credit\\s*note|credit\\s+memo|avoir|note\\s+de\\s+credit|gutschrift|"
                    + "creditnota|credit\\s*factuur|nota\\s+de\\s+credito|abono|factura\\s+rectificativa)\\b"),
            DocumentType.STATEMENT, Pattern.compile("\\b(?:statement(?:\\s+of\\s+account)?|account\\s+statement|releve(?:\\s+de\\s+compte)?|"
                    + "kontoauszug|kontoubersicht|saldenbestatigung|rekeningoverzicht|rekeningafschrift|overzicht\\s+openstaande|"
                    + "extracto(?:\\s+de\\s+cuenta)?|estado\\s+de\\s+cuenta)\\b"),
            DocumentType.REMINDER, Pattern.compile("\\b(?:(?:payment\\s+)?reminder|overdue\\s+notice|final\\s+notice|rappel|relance|"
                    + "mahnung|zahlungserinnerung|(?:betalings)?herinnering|aanmaning|recordatorio(?:\\s+de\\s+pago)?|aviso\\s+de\\s+pago|"
                    + "(?:primer|segundo|tercer|ultimo)\\s+aviso|requerimiento\\s+de\\s+pago)\\b"),
            DocumentType.QUOTE, Pattern.compile("\\b(?:quote|quotation|pro[\\s-]?forma|estimate|devis|angebot|kostenvoranschlag|"
                    + "offerte|presupuesto|cotizacion)\\b"),
            DocumentType.INVOICE, Pattern.compile("\\b(?:(?:tax\\s+)?invoice|facture|\\w*rechnung|\\w*factuur|factura|fattura|bolletta|"
                    + "\\w*rekening|(?:jaar|energie|eind|voorschot)nota|bill|receipt|recibo|ricevuta|recu|quittung|kassabon|order\\s+confirmation)\\b")));

    private static final double BODY_CAP = 3;
    private static final Pattern ANY_KEYWORD = Pattern.compile(KEYWORDS.values().stream().map(p -> "(?:" + p.pattern() + ")")
            .collect(java.util.stream.Collectors.joining("|")));

    private DocumentTypes() {
    }

    /** Whether a (folded) line is mostly a document title. */
    static boolean isTitle(String folded) {
        // A title may carry the document's number or date ("Rechnung Nr. 2026-0412", "Facture n° F2026/118"):
        // tokens with digits and the number fillers around them do not count as words.
        String t = folded.trim().replaceFirst("^\\d{1,2}\\.?\\s+", "");
        StringBuilder words = new StringBuilder();
        int count = 0;
        for (String token : t.split("[\\s/]+")) {
            if (token.isEmpty() || token.chars().anyMatch(Character::isDigit) || TITLE_FILLER.matcher(token).matches()) {
                continue;
            }
            words.append(token).append(' ');
            count++;
        }
        String w = words.toString();
        return count >= 1 && count <= 4 && KEYWORDS.values().stream().anyMatch(p -> p.matcher(w).find())
                && !NOT_A_TITLE.matcher(t).find();
    }

    private static final Pattern TITLE_FILLER = Pattern.compile("(?:no|nr|n|no\\.|nr\\.|n\\.|#|-|:|number|nummer|numero|num|de|du|van|of|"
            + "vom|del|\\(|\\))\\.?:?");
    /** Lines that name a document type but are not titles ("Bill to", "Invoice date", "Order number"). */
    private static final Pattern NOT_A_TITLE = Pattern.compile("\\b(?:to|date|datum|fecha|data|address|adres|adresse)\\b|:\\s*$");

    /**
     * Evidence per type: title hits weigh 10, body hits 1 up to 3 (first 60 lines); invoice words count
     * half, since every other type mentions invoices ("credit note for invoice ...").
     */
    static Map<DocumentType, Double> evidence(PageText page) {
        List<PageText.Line> lines = page.lines();
        double[] heights = lines.stream().mapToDouble(PageText.Line::maxHeight).sorted().toArray();
        double median = heights.length == 0 ? 10 : heights[heights.length / 2];
        Map<DocumentType, Double> score = new EnumMap<>(DocumentType.class);
        Map<DocumentType, Double> title = new EnumMap<>(DocumentType.class);
        Map<DocumentType, Double> body = new EnumMap<>(DocumentType.class);
        for (DocumentType t : DocumentType.values()) {
            score.put(t, 0.0);
        }
        for (int i = 0; i < Math.min(lines.size(), 60); i++) {
            for (PageText.Line cell : lines.get(i).cells()) {
                String f = Text.fold(cell.text());
                if (!Labels.anyAt(ANY_KEYWORD, f)) {
                    continue;
                }
                boolean prominent = isTitle(f) && cell.maxHeight() > median * 1.2;
                for (Map.Entry<DocumentType, Pattern> e : KEYWORDS.entrySet()) {
                    if (e.getValue().matcher(f).find()) {
                        double w = e.getKey() == DocumentType.INVOICE ? 0.5 : 1.0;
                        if (prominent) {
                            title.merge(e.getKey(), 10 * w, Double::sum);
                        } else {
                            body.merge(e.getKey(), w, (a, b) -> Math.min(BODY_CAP * w, a + b));
                        }
                    }
                }
            }
        }
        for (DocumentType t : DocumentType.values()) {
            score.put(t, title.getOrDefault(t, 0.0) + body.getOrDefault(t, 0.0));
        }
        return score;
    }
}
