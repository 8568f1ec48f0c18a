package io.backroom.sampledata.pdf;

import java.util.Map;

/** Words and formats of credit notes, statements and reminders in one language. */
record LetterTexts(String language, NumberStyle numbers, String datePattern, Map<String, String> words) {
    private static final Map<String, LetterTexts> ALL = Map.of(
            "en", new LetterTexts("en", NumberStyle.ENGLISH, "d MMMM yyyy", Map.ofEntries(
                    Map.entry("credit", "CREDIT NOTE"), Map.entry("creditNo", "Credit note no."),
                    Map.entry("date", "Date"), Map.entry("original", "Original invoice"),
                    Map.entry("reason", "Reason"), Map.entry("po", "Order ref."),
                    Map.entry("statement", "Statement of Account"), Map.entry("statementDate", "Statement date"),
                    Map.entry("account", "Account no."), Map.entry("doc", "Document"), Map.entry("type", "Type"),
                    Map.entry("INVOICE", "Invoice"), Map.entry("CREDIT_NOTE", "Credit note"),
                    Map.entry("docDate", "Date"), Map.entry("due", "Due"), Map.entry("amount", "Amount"),
                    Map.entry("balance", "Balance due"),
                    Map.entry("reminder1", "Payment Reminder"), Map.entry("reminder2", "Second Reminder"),
                    Map.entry("reminder3", "Final Notice"),
                    Map.entry("body", "According to our records the following invoice(s) remain unpaid. "
                            + "We kindly ask you to settle the amount within 7 days."),
                    Map.entry("overdue", "Overdue amount"), Map.entry("fee", "Reminder fee"),
                    Map.entry("toPay", "Total to pay"), Map.entry("subtotal", "Net"), Map.entry("tax", "VAT %s%%"),
                    Map.entry("total", "Total credit"), Map.entry("page", "Page %d of %d"),
                    Map.entry("billTo", "To"), Map.entry("vat", "VAT no."), Map.entry("bank", "Bank"),
                    Map.entry("regards", "Yours faithfully, Credit Control"))),
            "fr", new LetterTexts("fr", NumberStyle.FRENCH, "d MMMM yyyy", Map.ofEntries(
                    Map.entry("credit", "AVOIR"), Map.entry("creditNo", "N° d'avoir"),
                    Map.entry("date", "Date"), Map.entry("original", "Facture d'origine"),
                    Map.entry("reason", "Motif"), Map.entry("po", "Commande"),
                    Map.entry("statement", "Relevé de compte"), Map.entry("statementDate", "Date du relevé"),
                    Map.entry("account", "Compte client"), Map.entry("doc", "Pièce"), Map.entry("type", "Type"),
                    Map.entry("INVOICE", "Facture"), Map.entry("CREDIT_NOTE", "Avoir"),
                    Map.entry("docDate", "Date"), Map.entry("due", "Échéance"), Map.entry("amount", "Montant"),
                    Map.entry("balance", "Solde dû"),
                    Map.entry("reminder1", "Rappel de paiement"), Map.entry("reminder2", "Deuxième rappel"),
                    Map.entry("reminder3", "Mise en demeure"),
                    Map.entry("body", "Sauf erreur de notre part, les factures ci-dessous restent impayées. "
                            + "Merci de procéder au règlement sous 7 jours."),
                    Map.entry("overdue", "Montant échu"), Map.entry("fee", "Frais de relance"),
                    Map.entry("toPay", "Total à régler"), Map.entry("subtotal", "Total HT"),
                    Map.entry("tax", "TVA %s %%"), Map.entry("total", "Total avoir TTC"),
                    Map.entry("page", "Page %d/%d"), Map.entry("billTo", "Destinataire"),
                    Map.entry("vat", "N° TVA"), Map.entry("bank", "Banque"),
                    Map.entry("regards", "Veuillez agréer nos salutations distinguées. Service recouvrement"))),
            "de", new LetterTexts("de", NumberStyle.GERMAN, "d. MMMM yyyy", Map.ofEntries(
                    Map.entry("credit", "GUTSCHRIFT"), Map.entry("creditNo", "Gutschrift-Nr."),
                    Map.entry("date", "Datum"), Map.entry("original", "Zu Rechnung"),
                    Map.entry("reason", "Grund"), Map.entry("po", "Bestellung"),
                    Map.entry("statement", "Kontoauszug"), Map.entry("statementDate", "Stichtag"),
                    Map.entry("account", "Kundennummer"), Map.entry("doc", "Beleg"), Map.entry("type", "Art"),
                    Map.entry("INVOICE", "Rechnung"), Map.entry("CREDIT_NOTE", "Gutschrift"),
                    Map.entry("docDate", "Datum"), Map.entry("due", "Fällig"), Map.entry("amount", "Betrag"),
                    Map.entry("balance", "Offener Saldo"),
                    Map.entry("reminder1", "Zahlungserinnerung"), Map.entry("reminder2", "1. Mahnung"),
                    Map.entry("reminder3", "Letzte Mahnung"),
                    Map.entry("body", "Sicher ist es Ihrer Aufmerksamkeit entgangen, dass folgende Rechnungen noch "
                            + "offen sind. Bitte überweisen Sie den Betrag innerhalb von 7 Tagen."),
                    Map.entry("overdue", "Überfälliger Betrag"), Map.entry("fee", "Mahngebühr"),
                    Map.entry("toPay", "Zu zahlen"), Map.entry("subtotal", "Netto"),
                    Map.entry("tax", "MwSt. %s %%"), Map.entry("total", "Gutschriftsbetrag"),
                    Map.entry("page", "Seite %d von %d"), Map.entry("billTo", "An"),
                    Map.entry("vat", "USt-IdNr."), Map.entry("bank", "Bank"),
                    Map.entry("regards", "Mit freundlichen Grüßen, Ihre Buchhaltung"))),
            "nl", new LetterTexts("nl", NumberStyle.DUTCH, "d MMMM yyyy", Map.ofEntries(
                    Map.entry("credit", "CREDITNOTA"), Map.entry("creditNo", "Creditnotanummer"),
                    Map.entry("date", "Datum"), Map.entry("original", "Betreft factuur"),
                    Map.entry("reason", "Reden"), Map.entry("po", "Order"),
                    Map.entry("statement", "Rekeningoverzicht"), Map.entry("statementDate", "Datum overzicht"),
                    Map.entry("account", "Debiteurnummer"), Map.entry("doc", "Document"), Map.entry("type", "Soort"),
                    Map.entry("INVOICE", "Factuur"), Map.entry("CREDIT_NOTE", "Creditnota"),
                    Map.entry("docDate", "Datum"), Map.entry("due", "Vervalt"), Map.entry("amount", "Bedrag"),
                    Map.entry("balance", "Openstaand saldo"),
                    Map.entry("reminder1", "Betalingsherinnering"), Map.entry("reminder2", "Tweede herinnering"),
                    Map.entry("reminder3", "Laatste aanmaning"),
                    Map.entry("body", "Volgens onze administratie staan onderstaande facturen nog open. "
                            + "Wij verzoeken u het bedrag binnen 7 dagen te voldoen."),
                    Map.entry("overdue", "Vervallen bedrag"), Map.entry("fee", "Administratiekosten"),
                    Map.entry("toPay", "Totaal te voldoen"), Map.entry("subtotal", "Subtotaal"),
                    Map.entry("tax", "BTW %s%%"), Map.entry("total", "Totaal credit"),
                    Map.entry("page", "Pagina %d van %d"), Map.entry("billTo", "Aan"),
                    Map.entry("vat", "BTW-nr."), Map.entry("bank", "Bank"),
                    Map.entry("regards", "Met vriendelijke groet, Debiteurenbeheer"))),
            "es", new LetterTexts("es", NumberStyle.GERMAN, "d 'de' MMMM 'de' yyyy", Map.ofEntries(
                    Map.entry("credit", "FACTURA RECTIFICATIVA (ABONO)"), Map.entry("creditNo", "Nº Abono"),
                    Map.entry("date", "Fecha"), Map.entry("original", "Factura rectificada"),
                    Map.entry("reason", "Motivo"), Map.entry("po", "Pedido"),
                    Map.entry("statement", "Extracto de cuenta"), Map.entry("statementDate", "Fecha del extracto"),
                    Map.entry("account", "Cliente"), Map.entry("doc", "Documento"), Map.entry("type", "Tipo"),
                    Map.entry("INVOICE", "Factura"), Map.entry("CREDIT_NOTE", "Abono"),
                    Map.entry("docDate", "Fecha"), Map.entry("due", "Vencimiento"), Map.entry("amount", "Importe"),
                    Map.entry("balance", "Saldo pendiente"),
                    Map.entry("reminder1", "Recordatorio de pago"), Map.entry("reminder2", "Segundo aviso"),
                    Map.entry("reminder3", "Último aviso"),
                    Map.entry("body", "Según nuestros registros, las siguientes facturas siguen pendientes de pago. "
                            + "Le rogamos abone el importe en un plazo de 7 días."),
                    Map.entry("overdue", "Importe vencido"), Map.entry("fee", "Gastos de reclamación"),
                    Map.entry("toPay", "Total a pagar"), Map.entry("subtotal", "Base imponible"),
                    Map.entry("tax", "IVA %s%%"), Map.entry("total", "Total abono"),
                    Map.entry("page", "Página %d de %d"), Map.entry("billTo", "Para"),
                    Map.entry("vat", "CIF"), Map.entry("bank", "Banco"),
                    Map.entry("regards", "Atentamente, Departamento de cobros"))));

    static LetterTexts forLanguage(String language) {
        return ALL.getOrDefault(language, ALL.get("en"));
    }

    String word(String key) {
        String w = words.get(key);
        if (w == null) {
            throw new IllegalStateException("No " + language + " word for " + key);
        }
        return w;
    }

    String date(java.time.LocalDate date) {
        return Dates.format(date, datePattern, language);
    }
}
