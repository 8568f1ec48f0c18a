#!/usr/bin/env python3
"""Renders the document reader's multi-producer invoice corpus (run by hand, never by the build).

    python3 ml-models/corpus/generate.py [--seed 19] [--per-cell 2] [--producers chromium,libreoffice,reportlab]

Every document is one abstract layout (a list of blocks: letterhead, title, key/value block,
header grid, item table, totals, footer...) filled with random but seeded supplier data in one
of seven locales, then rendered by a real PDF producer:

  chromium     Chromium's print-to-PDF of the HTML rendering (Skia, embedded subset fonts)
  libreoffice  LibreOffice Writer's PDF export of the same HTML (office-suite kerning)
  reportlab    ReportLab platypus drawing the blocks itself (standard and TrueType fonts)

It writes ml-models/corpus/pdfs/*.pdf and ml-models/corpus/labels.csv (file, producer, layout,
language, fields). Needs: chromium, soffice (libreoffice-writer), python3-reportlab, and the
DejaVu / Liberation fonts (Debian fonts-dejavu-core, fonts-liberation).
"""
import argparse
import csv
import html
import os
import random
import shutil
import subprocess
import sys
import tempfile
from datetime import date, timedelta
from decimal import Decimal, ROUND_HALF_UP

HERE = os.path.dirname(os.path.abspath(__file__))
CENT = Decimal("0.01")

# ---------------------------------------------------------------- locales and their words

LOCALES = {
    "en-GB": dict(lang="en", currency="GBP", rates=[20, 5], numfmt="en", order="dmy", sym="£", sym_after=False),
    "en-US": dict(lang="en", currency="USD", rates=[8.25, 7, 6.5], numfmt="en", order="mdy", sym="$", sym_after=False),
    "de-DE": dict(lang="de", currency="EUR", rates=[19, 7], numfmt="de", order="dmy", sym="€", sym_after=True),
    "de-CH": dict(lang="de", currency="CHF", rates=[8.1], numfmt="ch", order="dmy", sym="CHF", sym_after=False),
    "fr-FR": dict(lang="fr", currency="EUR", rates=[20, 10], numfmt="fr", order="dmy", sym="€", sym_after=True),
    "nl-NL": dict(lang="nl", currency="EUR", rates=[21, 9], numfmt="de", order="dmy", sym="€", sym_after=False),
    "es-ES": dict(lang="es", currency="EUR", rates=[21, 10], numfmt="de", order="dmy", sym="€", sym_after=True),
    "it-IT": dict(lang="it", currency="EUR", rates=[22, 10], numfmt="de", order="dmy", sym="€", sym_after=True),
}

WORDS = {
    "en": dict(
        invoice="Invoice", tax_invoice="Tax Invoice", number_label=["Invoice No.", "Invoice number", "Invoice #", "Invoice no:"],
        bare_number=["Number", "No.", "Invoice"], date_label=["Invoice date", "Date", "Date of issue", "Issue date"],
        bare_date=["Date"], due_label=["Due date", "Payment due", "Due"], order_label=["Your order", "PO number", "Order ref."],
        customer_label=["Customer no.", "Account"], bill_to="Bill to", description="Description", qty="Qty",
        unit_price="Unit price", amount="Amount", subtotal=["Subtotal", "Net amount", "Total excl. VAT"],
        tax=["VAT {r}%", "VAT ({r}%)", "Tax {r}%"], total=["Total", "Total due", "Invoice total", "Grand total"],
        total_incl=["Total incl. VAT", "Total (including VAT {r}%)", "Total amount incl. {r}% VAT"],
        of_which_tax="of which VAT {r}%", incl_tax_note="Includes VAT {r}%", paid="Amount paid", deposit="Deposit received",
        amount_due="Amount due", balance_due="Balance due", previous_balance="Previous balance",
        payment_received="Payment received - thank you", shipping="Shipping", page="Page", terms="Terms",
        terms_value="30 days net", vat_id="VAT reg. no.", company_id="Company no.", iban="IBAN", thanks="Thank you for your business.",
        order_confirm="Order confirmation", order_number="Order number", order_date="Order date", order_placed="Order placed",
        receipt="Receipt", receipt_number="Receipt number", date_paid="Date paid", payment_method="Payment method",
        card="Visa ending in 4242", sold_by="Sold by", items_subtotal="Item(s) subtotal",
        utility_title=["Your electricity bill", "Gas and electricity bill", "Water bill"], account_number="Account number",
        meter="Meter point reference", period="Billing period", bill_number="Bill number", bill_date="Bill date",
        usage="Electricity used", standing="Standing charge", this_bill="Total charges for this period", debit="We will collect this by direct debit on",
        letter_open="Dear Sir or Madam, we invoice you for the following deliveries:", letter_close="Kind regards",
        details="Invoice details", summary="Summary", net="Net", gross="Gross"),
    "de": dict(
        invoice="Rechnung", tax_invoice="Rechnung", number_label=["Rechnungsnummer", "Rechnungs-Nr.", "Rechnung Nr.", "Beleg-Nr."],
        bare_number=["Nummer", "Nr.", "Rechnung"], date_label=["Rechnungsdatum", "Datum", "Belegdatum"], bare_date=["Datum"],
        due_label=["Fällig am", "Zahlbar bis", "Fälligkeitsdatum"], order_label=["Ihre Bestellung", "Bestellnummer", "Auftrags-Nr."],
        customer_label=["Kunden-Nr.", "Kundennummer"], bill_to="Rechnungsempfänger", description="Bezeichnung", qty="Menge",
        unit_price="Einzelpreis", amount="Betrag", subtotal=["Summe netto", "Nettobetrag", "Zwischensumme"],
        tax=["MwSt. {r} %", "zzgl. {r} % MwSt.", "Umsatzsteuer {r}%"], total=["Gesamtbetrag", "Rechnungsbetrag", "Endbetrag", "Summe"],
        total_incl=["Gesamtbetrag inkl. MwSt.", "Rechnungsbetrag (inkl. {r} % USt.)", "Gesamt inkl. {r}% MwSt."],
        of_which_tax="darin enthalten {r} % MwSt.", incl_tax_note="Enthaltene MwSt. {r} %", paid="Bereits bezahlt", deposit="Anzahlung erhalten",
        amount_due="Zu zahlender Betrag", balance_due="Offener Betrag", previous_balance="Saldovortrag",
        payment_received="Zahlung erhalten - vielen Dank", shipping="Versand", page="Seite", terms="Zahlungsbedingungen",
        terms_value="30 Tage netto", vat_id="USt-IdNr.", company_id="Handelsregister HRB", iban="IBAN", thanks="Vielen Dank für Ihren Auftrag.",
        order_confirm="Bestellbestätigung", order_number="Bestellnummer", order_date="Bestelldatum", order_placed="Bestellt am",
        receipt="Quittung", receipt_number="Quittungsnummer", date_paid="Bezahlt am", payment_method="Zahlungsart",
        card="Visa endet auf 4242", sold_by="Verkauft von", items_subtotal="Zwischensumme Artikel",
        utility_title=["Ihre Stromrechnung", "Jahresrechnung Strom und Gas", "Wasserrechnung"], account_number="Vertragskonto",
        meter="Zählpunkt", period="Abrechnungszeitraum", bill_number="Rechnungsnummer", bill_date="Rechnungsdatum",
        usage="Verbrauch Strom", standing="Grundpreis", this_bill="Summe dieser Abrechnung", debit="Der Betrag wird abgebucht am",
        letter_open="Sehr geehrte Damen und Herren, für unsere Lieferungen berechnen wir Ihnen:", letter_close="Mit freundlichen Grüßen",
        details="Rechnungsdetails", summary="Zusammenfassung", net="Netto", gross="Brutto"),
    "fr": dict(
        invoice="Facture", tax_invoice="Facture", number_label=["Facture n°", "N° de facture", "Numéro de facture", "Facture No"],
        bare_number=["Numéro", "N°", "Facture"], date_label=["Date de facture", "Date", "Date d'émission"], bare_date=["Date"],
        due_label=["Échéance", "Date d'échéance", "À payer avant le"], order_label=["Bon de commande", "Votre commande", "Réf. commande"],
        customer_label=["N° client", "Client"], bill_to="Facturé à", description="Désignation", qty="Qté",
        unit_price="Prix unitaire", amount="Montant", subtotal=["Total HT", "Montant HT", "Sous-total"],
        tax=["TVA {r} %", "TVA ({r} %)", "Montant TVA {r}%"], total=["Total TTC", "Montant TTC", "Total"],
        total_incl=["Total TTC (TVA {r} % incluse)", "Montant total TTC", "Total toutes taxes comprises"],
        of_which_tax="dont TVA {r} %", incl_tax_note="TVA incluse {r} %", paid="Déjà réglé", deposit="Acompte versé",
        amount_due="Net à payer", balance_due="Reste à payer", previous_balance="Solde précédent",
        payment_received="Paiement reçu - merci", shipping="Frais de port", page="Page", terms="Conditions",
        terms_value="30 jours fin de mois", vat_id="N° TVA intracom.", company_id="SIRET", iban="IBAN", thanks="Merci de votre confiance.",
        order_confirm="Confirmation de commande", order_number="Numéro de commande", order_date="Date de commande", order_placed="Commande passée le",
        receipt="Reçu", receipt_number="Reçu n°", date_paid="Payé le", payment_method="Moyen de paiement",
        card="Visa se terminant par 4242", sold_by="Vendu par", items_subtotal="Sous-total articles",
        utility_title=["Votre facture d'électricité", "Facture de gaz", "Facture d'eau"], account_number="Référence client",
        meter="Point de livraison", period="Période de facturation", bill_number="Facture n°", bill_date="Date de facture",
        usage="Consommation électricité", standing="Abonnement", this_bill="Total de cette facture", debit="Prélèvement prévu le",
        letter_open="Madame, Monsieur, veuillez trouver ci-dessous le détail de nos livraisons :", letter_close="Cordialement",
        details="Détails de la facture", summary="Récapitulatif", net="HT", gross="TTC"),
    "nl": dict(
        invoice="Factuur", tax_invoice="Factuur", number_label=["Factuurnummer", "Factuur nr.", "Factuurnr."],
        bare_number=["Nummer", "Nr.", "Factuur"], date_label=["Factuurdatum", "Datum"], bare_date=["Datum"],
        due_label=["Vervaldatum", "Te betalen voor"], order_label=["Uw bestelling", "Inkoopordernummer", "Uw referentie"],
        customer_label=["Klantnummer", "Debiteurnr."], bill_to="Factuuradres", description="Omschrijving", qty="Aantal",
        unit_price="Prijs per stuk", amount="Bedrag", subtotal=["Subtotaal", "Totaal excl. btw", "Netto bedrag"],
        tax=["BTW {r}%", "btw ({r}%)", "{r}% btw"], total=["Totaal", "Totaal te betalen", "Totaalbedrag"],
        total_incl=["Totaal incl. btw", "Totaal incl. {r}% BTW", "Totaalbedrag inclusief btw"],
        of_which_tax="waarvan btw {r}%", incl_tax_note="Inclusief {r}% btw", paid="Reeds betaald", deposit="Aanbetaling ontvangen",
        amount_due="Te betalen", balance_due="Openstaand bedrag", previous_balance="Vorig saldo",
        payment_received="Betaling ontvangen - dank u", shipping="Verzendkosten", page="Pagina", terms="Betalingstermijn",
        terms_value="30 dagen", vat_id="BTW-nummer", company_id="KvK", iban="IBAN", thanks="Bedankt voor uw bestelling.",
        order_confirm="Orderbevestiging", order_number="Bestelnummer", order_date="Besteldatum", order_placed="Besteld op",
        receipt="Kassabon", receipt_number="Bonnummer", date_paid="Betaald op", payment_method="Betaalmethode",
        card="iDEAL", sold_by="Verkocht door", items_subtotal="Subtotaal artikelen",
        utility_title=["Uw energierekening", "Jaarnota elektriciteit", "Waterfactuur"], account_number="Klantnummer",
        meter="EAN-code", period="Periode", bill_number="Factuurnummer", bill_date="Factuurdatum",
        usage="Verbruik elektriciteit", standing="Vaste leveringskosten", this_bill="Totaal deze nota", debit="Wij schrijven dit bedrag af op",
        letter_open="Geachte heer, mevrouw, hierbij factureren wij u de volgende leveringen:", letter_close="Met vriendelijke groet",
        details="Factuurgegevens", summary="Overzicht", net="Netto", gross="Bruto"),
    "es": dict(
        invoice="Factura", tax_invoice="Factura", number_label=["Nº de factura", "Factura nº", "Número de factura"],
        bare_number=["Número", "Nº", "Factura"], date_label=["Fecha de factura", "Fecha", "Fecha de emisión"], bare_date=["Fecha"],
        due_label=["Vencimiento", "Fecha de vencimiento"], order_label=["Su pedido", "Nº de pedido"],
        customer_label=["Nº cliente", "Cliente"], bill_to="Facturar a", description="Descripción", qty="Cant.",
        unit_price="Precio unitario", amount="Importe", subtotal=["Base imponible", "Subtotal", "Importe neto"],
        tax=["IVA {r}%", "IVA ({r} %)", "Cuota IVA {r}%"], total=["Total factura", "Total", "Importe total"],
        total_incl=["Total (IVA incluido)", "Total con IVA {r}%", "Importe total IVA incl."],
        of_which_tax="IVA incluido {r}%", incl_tax_note="IVA incluido {r}%", paid="Pagado", deposit="Anticipo recibido",
        amount_due="Importe a pagar", balance_due="Saldo pendiente", previous_balance="Saldo anterior",
        payment_received="Pago recibido - gracias", shipping="Gastos de envío", page="Página", terms="Forma de pago",
        terms_value="Transferencia 30 días", vat_id="CIF", company_id="Registro Mercantil", iban="IBAN", thanks="Gracias por su confianza.",
        order_confirm="Confirmación de pedido", order_number="Número de pedido", order_date="Fecha del pedido", order_placed="Pedido realizado el",
        receipt="Recibo", receipt_number="Recibo nº", date_paid="Fecha de pago", payment_method="Método de pago",
        card="Visa terminada en 4242", sold_by="Vendido por", items_subtotal="Subtotal artículos",
        utility_title=["Su factura de electricidad", "Factura de gas", "Factura del agua"], account_number="Nº de contrato",
        meter="CUPS", period="Periodo de facturación", bill_number="Nº de factura", bill_date="Fecha de emisión",
        usage="Consumo electricidad", standing="Término de potencia", this_bill="Total de esta factura", debit="Se cargará en su cuenta el",
        letter_open="Estimados señores, les facturamos los siguientes suministros:", letter_close="Atentamente",
        details="Datos de la factura", summary="Resumen", net="Neto", gross="Bruto"),
    "it": dict(
        invoice="Fattura", tax_invoice="Fattura", number_label=["Fattura n.", "Numero fattura", "N. fattura"],
        bare_number=["Numero", "N.", "Fattura"], date_label=["Data fattura", "Data", "Data emissione"], bare_date=["Data"],
        due_label=["Scadenza", "Data scadenza"], order_label=["Vs. ordine", "Rif. ordine"],
        customer_label=["Cod. cliente", "Cliente"], bill_to="Destinatario", description="Descrizione", qty="Q.tà",
        unit_price="Prezzo unitario", amount="Importo", subtotal=["Imponibile", "Totale imponibile", "Subtotale"],
        tax=["IVA {r}%", "IVA ({r}%)", "Imposta {r}%"], total=["Totale fattura", "Totale documento", "Totale"],
        total_incl=["Totale (IVA inclusa)", "Totale IVA {r}% compresa", "Totale ivato"],
        of_which_tax="di cui IVA {r}%", incl_tax_note="IVA inclusa {r}%", paid="Già pagato", deposit="Acconto ricevuto",
        amount_due="Netto a pagare", balance_due="Saldo da pagare", previous_balance="Saldo precedente",
        payment_received="Pagamento ricevuto - grazie", shipping="Spese di spedizione", page="Pagina", terms="Pagamento",
        terms_value="Bonifico 30 gg d.f.", vat_id="P.IVA", company_id="Codice fiscale", iban="IBAN", thanks="Grazie per la fiducia.",
        order_confirm="Conferma d'ordine", order_number="Numero ordine", order_date="Data ordine", order_placed="Ordine effettuato il",
        receipt="Ricevuta", receipt_number="Ricevuta n.", date_paid="Pagato il", payment_method="Metodo di pagamento",
        card="Visa che termina con 4242", sold_by="Venduto da", items_subtotal="Subtotale articoli",
        utility_title=["Bolletta luce", "Bolletta gas", "Fattura acqua"], account_number="Codice cliente",
        meter="Codice POD", period="Periodo di fatturazione", bill_number="Fattura n.", bill_date="Data emissione",
        usage="Consumo energia", standing="Quota fissa", this_bill="Totale da pagare per questa bolletta", debit="Addebito in conto il",
        letter_open="Spettabile ditta, Vi addebitiamo le seguenti forniture:", letter_close="Distinti saluti",
        details="Dettagli fattura", summary="Riepilogo", net="Netto", gross="Lordo"),
}

MONTHS = {
    "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
    "de": ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"],
    "fr": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"],
    "nl": ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"],
    "es": ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"],
    "it": ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre"],
}
SHORT_MONTHS = {
    "en": ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
    "de": ["Jan.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sep.", "Okt.", "Nov.", "Dez."],
    "fr": ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."],
    "nl": ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"],
    "es": ["ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sep", "oct", "nov", "dic"],
    "it": ["gen", "feb", "mar", "apr", "mag", "giu", "lug", "ago", "set", "ott", "nov", "dic"],
}
WEEKDAYS = {
    "en": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
    "de": ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"],
    "fr": ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"],
    "nl": ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"],
    "es": ["lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"],
    "it": ["lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica"],
}

SUPPLIERS = {
    "en": ["Harbour Catering Supplies Ltd", "Pennine Packaging Ltd", "Brightside Cleaning Co.", "Atlas Office Direct Ltd",
           "Greenfield Produce LLC", "Summit Hardware Inc.", "Lakeside Energy plc", "Northgate Print & Sign Ltd"],
    "de": ["Müller Getränke GmbH", "Schneider Verpackung GmbH & Co. KG", "Bäckerei Hoffmann OHG", "Weber Bürobedarf AG",
           "Stadtwerke Neustadt GmbH", "Krause Reinigungsdienst GmbH"],
    "fr": ["Boulangerie Dupont SARL", "Emballages Lefèvre SAS", "Bureau Moreau SA", "Énergie Provence SA",
           "Nettoyage Girard EURL", "Primeurs Laurent SARL"],
    "nl": ["Van Dijk Groente B.V.", "De Vries Verpakkingen B.V.", "Bakkerij Jansen V.O.F.", "Energie Noord N.V.",
           "Kantoorhuis Bakker B.V."],
    "es": ["Distribuciones Ruiz S.L.", "Embalajes García S.A.", "Panadería Martín S.L.", "Energía del Sur S.A.",
           "Limpiezas Fernández S.L."],
    "it": ["Rossi Forniture S.r.l.", "Imballaggi Bianchi S.p.A.", "Panificio Esposito S.n.c.", "Energia Lombarda S.p.A.",
           "Pulizie Romano S.r.l."],
}
STREETS = {
    "en": ["12 Harbour Road, Leeds LS1 4AB", "400 Market Street, Springfield, IL 62701", "7 Mill Lane, Bristol BS1 5TR"],
    "de": ["Industriestraße 5, 50667 Köln", "Hauptstr. 112, 80331 München", "Am Hafen 3, 20457 Hamburg"],
    "fr": ["8 rue de la Paix, 75002 Paris", "14 avenue Jean Jaurès, 69007 Lyon", "2 quai des Chartrons, 33000 Bordeaux"],
    "nl": ["Damrak 70, 1012 LM Amsterdam", "Coolsingel 40, 3011 AD Rotterdam", "Oudegracht 12, 3511 AP Utrecht"],
    "es": ["Calle Mayor 14, 28013 Madrid", "Avinguda Diagonal 200, 08018 Barcelona", "Calle Larios 5, 29005 Málaga"],
    "it": ["Via Roma 21, 20121 Milano", "Corso Vittorio Emanuele 8, 10121 Torino", "Via Toledo 150, 80134 Napoli"],
}
BUYERS = ["Backroom Retail B.V.", "Backroom Stores Ltd", "Backroom Handel GmbH", "Magasins Backroom SAS"]
ITEMS = {
    "en": ["Paper towels, case of 12", "Mineral water 0.5 l", "Cleaning service, October", "Shelf labels (roll)",
           "Printer toner black", "Cardboard boxes 40x30x20", "Coffee beans 1 kg", "Delivery and installation", "Safety gloves, size L"],
    "de": ["Papierhandtücher, Karton", "Mineralwasser 0,5 l", "Unterhaltsreinigung Oktober", "Regaletiketten (Rolle)",
           "Toner schwarz", "Faltkartons 40x30x20", "Kaffeebohnen 1 kg", "Lieferung und Montage"],
    "fr": ["Essuie-mains, carton de 12", "Eau minérale 50 cl", "Nettoyage des locaux, octobre", "Étiquettes de rayon",
           "Toner noir", "Cartons 40x30x20", "Café en grains 1 kg", "Livraison et installation"],
    "nl": ["Papieren handdoeken, doos", "Mineraalwater 0,5 l", "Schoonmaak oktober", "Schaplabels (rol)",
           "Toner zwart", "Verhuisdozen 40x30x20", "Koffiebonen 1 kg", "Levering en montage"],
    "es": ["Toallas de papel, caja", "Agua mineral 0,5 l", "Servicio de limpieza, octubre", "Etiquetas de estante",
           "Tóner negro", "Cajas de cartón 40x30x20", "Café en grano 1 kg", "Entrega e instalación"],
    "it": ["Asciugamani di carta, cartone", "Acqua minerale 0,5 l", "Servizio di pulizia, ottobre", "Etichette da scaffale",
           "Toner nero", "Scatole di cartone 40x30x20", "Caffè in grani 1 kg", "Consegna e installazione"],
}

HTML_FONTS = ["DejaVu Sans", "Liberation Sans", "Liberation Serif", "DejaVu Serif", "Liberation Sans Narrow", "DejaVu Sans Condensed"]

# ---------------------------------------------------------------- formatting


def money(x, loc, rng, with_currency=True, style=None):
    """Formats a Decimal the way the locale (and a random supplier habit) prints it."""
    info = LOCALES[loc]
    neg = x < 0
    q = abs(x).quantize(CENT)
    whole, frac = f"{q:.2f}".split(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    fmt = info["numfmt"]
    grouping = rng.random() > 0.15
    if fmt == "en":
        s = (",".join(groups) if grouping else "".join(groups)) + "." + frac
    elif fmt == "de":
        s = (".".join(groups) if grouping else "".join(groups)) + "," + frac
    elif fmt == "fr":
        sep = rng.choice([" ", "\u00a0", "\u202f"])
        s = (sep.join(groups) if grouping else "".join(groups)) + "," + frac
    else:
        s = ("'".join(groups) if grouping else "".join(groups)) + "." + frac
    sign = "-" if neg else ""
    if not with_currency:
        return sign + s
    style = style or rng.choice(["symbol", "symbol", "code"])
    if style == "code":
        return f"{sign}{info['currency']} {s}" if rng.random() < 0.5 else f"{sign}{s} {info['currency']}"
    sym = info["sym"]
    if info["sym_after"]:
        return f"{sign}{s} {sym}"
    return f"{sign}{sym}{s}" if sym in "£$" else f"{sign}{sym} {s}"


def fmt_date(d, loc, rng, style):
    info = LOCALES[loc]
    lang = info["lang"]
    month = MONTHS[lang][d.month - 1]
    if style == "numeric":
        sep = {"de": ".", "nl": "-", "fr": "/", "es": "/", "it": "/", "en": "/"}[lang]
        sep = rng.choice([sep, sep, ".", "-", "/"]) if loc != "en-US" else "/"
        dd = f"{d.day:02d}" if rng.random() < 0.7 else str(d.day)
        mm = f"{d.month:02d}" if rng.random() < 0.7 else str(d.month)
        yy = str(d.year) if rng.random() < 0.85 else f"{d.year % 100:02d}"
        return f"{mm}{sep}{dd}{sep}{yy}" if info["order"] == "mdy" else f"{dd}{sep}{mm}{sep}{yy}"
    if style == "spaced-numeric":
        return f"{d.day:02d}. {d.month:02d}. {d.year}" if info["order"] == "dmy" else f"{d.month:02d} / {d.day:02d} / {d.year}"
    if style == "iso":
        return d.isoformat()
    if style == "long":
        if loc == "en-US":
            return f"{month} {d.day}, {d.year}"
        if lang == "en":
            return rng.choice([f"{d.day} {month} {d.year}", f"{d.day}{suffix(d.day)} {month} {d.year}"])
        if lang == "de":
            return f"{d.day}. {month} {d.year}"
        if lang == "fr":
            return f"{'1er' if d.day == 1 else d.day} {month} {d.year}"
        if lang == "es":
            return f"{d.day} de {month} de {d.year}"
        return f"{d.day} {month} {d.year}"
    if style == "short":
        ab = SHORT_MONTHS[lang][d.month - 1]
        if lang in ("en", "nl", "es", "it") and rng.random() < 0.4:
            ab = ab + "."
        if loc == "en-US":
            return rng.choice([f"{ab} {d.day}, {d.year}", f"{ab} {d.day},{d.year}", f"{ab.rstrip('.')}. {d.day} , {d.year}"])
        return rng.choice([f"{d.day} {ab} {d.year}", f"{d.day:02d}-{ab.rstrip('.')}-{d.year}", f"{d.day}.{ab.rstrip('.')}.{d.year}",
                           f"{d.day}  {ab}  {d.year}"])
    if style == "weekday":
        wd = WEEKDAYS[lang][d.weekday()]
        if loc == "en-US":
            return f"{wd}, {month} {d.day}, {d.year}"
        if lang == "de":
            return f"{wd}, {d.day}. {month} {d.year}"
        if lang == "es":
            return f"{wd}, {d.day} de {month} de {d.year}"
        if lang == "fr":
            return f"{wd} {d.day} {month} {d.year}"
        return f"{wd}, {d.day} {month} {d.year}" if lang == "en" else f"{wd} {d.day} {month} {d.year}"
    raise ValueError(style)


def suffix(day):
    if day in (11, 12, 13):
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")


def invoice_number(rng, d):
    y = d.year
    return rng.choice([
        f"INV-{y}-{rng.randint(1, 9999):04d}", f"{y}-{rng.randint(100, 9999)}", f"F{y}/{rng.randint(1, 999)}",
        f"RE-{rng.randint(10000, 99999)}", f"FA{y % 100}-{rng.randint(1, 99999):05d}", str(rng.randint(10000000, 99999999)),
        f"A-{rng.randint(1, 99)}/{y}", f"INV{rng.randint(1, 9999):04d}", f"{y}.{rng.randint(1000, 9999)}",
        f"NL-{y % 100}-{rng.randint(1000, 9999)}", f"{rng.randint(100, 999)}{y}", f"SI{rng.randint(100000, 999999)}",
    ])


def long_id(rng, n):
    return "".join(str(rng.randint(0, 9)) for _ in range(n))


def vat_id(rng, loc):
    return {
        "en-GB": f"GB {long_id(rng, 3)} {long_id(rng, 4)} {long_id(rng, 2)}", "en-US": f"EIN {long_id(rng, 2)}-{long_id(rng, 7)}",
        "de-DE": f"DE{long_id(rng, 9)}", "de-CH": f"CHE-{long_id(rng, 3)}.{long_id(rng, 3)}.{long_id(rng, 3)} MWST",
        "fr-FR": f"FR{long_id(rng, 11)}", "nl-NL": f"NL{long_id(rng, 9)}B01", "es-ES": f"B{long_id(rng, 8)}",
        "it-IT": f"IT{long_id(rng, 11)}",
    }[loc]


def iban(rng, loc):
    cc = {"en-GB": "GB", "en-US": "GB", "de-DE": "DE", "de-CH": "CH", "fr-FR": "FR", "nl-NL": "NL", "es-ES": "ES", "it-IT": "IT"}[loc]
    digits = long_id(rng, 20)
    return f"{cc}{long_id(rng, 2)} " + " ".join(digits[i:i + 4] for i in range(0, 20, 4))


# ---------------------------------------------------------------- one document's data


def make_data(rng, loc):
    info = LOCALES[loc]
    lang = info["lang"]
    w = WORDS[lang]
    d = date(2026, 1, 1) + timedelta(days=rng.randint(0, 330))
    due = d + timedelta(days=rng.choice([14, 30, 30, 45, 60]))
    rate = Decimal(str(rng.choice(info["rates"])))
    n_items = rng.randint(1, 6)
    items = []
    for _ in range(n_items):
        qty = rng.choice([1, 1, 2, 3, 5, 10, 12, 24, 48, 100])
        price = (Decimal(rng.randint(50, 80000)) / 100).quantize(CENT)
        if rng.random() < 0.5:
            price = (Decimal(rng.randint(1, 4000)) / 100).quantize(CENT)
        items.append((rng.choice(ITEMS[lang]), qty, price, (price * qty).quantize(CENT)))
    net = sum((i[3] for i in items), Decimal("0"))
    tax = (net * rate / 100).quantize(CENT, ROUND_HALF_UP)
    total = net + tax
    return dict(loc=loc, lang=lang, w=w, date=d, due=due, rate=rate, items=items, net=net, tax=tax, total=total,
                number=invoice_number(rng, d), supplier=rng.choice(SUPPLIERS[lang]), address=rng.choice(STREETS[lang]),
                buyer=rng.choice(BUYERS), po=f"PO-2026-{rng.randint(1, 999999):06d}", customer=str(rng.randint(10000, 9999999)),
                vat=vat_id(rng, loc), iban=iban(rng, loc), company=long_id(rng, rng.choice([8, 9, 14])),
                phone=f"+{rng.randint(30, 49)} {long_id(rng, 3)} {long_id(rng, 7)}")


def rate_text(r):
    s = f"{r.normalize():f}"
    return s


def pick(rng, xs):
    return rng.choice(xs)


# ---------------------------------------------------------------- layouts (block lists)
# Blocks: ("head", left_lines, right_lines)  lines: (text, size, bold)
#         ("title", text, size, align)  ("kv", pairs, opts)  ("grid", headers, values)
#         ("items", headers, rows)  ("totals", pairs, opts)  ("para", text, size)  ("cols", left, right)
#         ("space", points)


def items_block(x, rng, with_net=True):
    w = x["w"]
    rows = [[desc, str(q), money(p, x["loc"], rng, with_currency=False), money(a, x["loc"], rng, with_currency=False)]
            for desc, q, p, a in x["items"]]
    return ("items", [w["description"], w["qty"], w["unit_price"], w["amount"]], rows)


def footer(x, rng):
    w = x["w"]
    return ("para", f"{x['supplier']} · {x['address']} · {w['vat_id']} {x['vat']} · {w['company_id']} {x['company']} · "
                    f"{w['iban']} {x['iban']} · Tel. {x['phone']}", 7)


def tax_label(x, rng):
    return pick(rng, x["w"]["tax"]).format(r=rate_text(x["rate"]))


def layout_classic(x, rng, ds):
    w = x["w"]
    return [
        ("head", [(x["supplier"], 15, True), (x["address"], 9, False), (f"{w['vat_id']} {x['vat']}", 9, False)],
         [(w["invoice"].upper(), 22, True)]),
        ("space", 18),
        ("cols", [("kv", [(w["bill_to"], ""), (x["buyer"], ""), ("Damrak 1, 1012 LG Amsterdam", "")], {"plain": True})],
         [("kv", [(pick(rng, w["number_label"]), x["number"]), (pick(rng, w["date_label"]), ds(x["date"])),
                  (pick(rng, w["due_label"]), ds(x["due"])), (pick(rng, w["order_label"]), x["po"])], {"sep": ": "})]),
        ("space", 16), items_block(x, rng), ("space", 10),
        ("totals", [(pick(rng, w["subtotal"]), money(x["net"], x["loc"], rng)), (tax_label(x, rng), money(x["tax"], x["loc"], rng)),
                    (pick(rng, w["total"]), money(x["total"], x["loc"], rng))], {}),
        ("space", 30), ("para", w["thanks"], 9), footer(x, rng),
    ]


def layout_header_grid(x, rng, ds):
    """The number under a bare column header in a header table ("Number | Date | Customer no. | Page")."""
    w = x["w"]
    headers = [pick(rng, w["bare_number"]), pick(rng, w["bare_date"]), pick(rng, w["customer_label"]), w["page"]]
    values = [x["number"], ds(x["date"]), x["customer"], "1/1"]
    if rng.random() < 0.5:
        headers, values = headers[1:2] + headers[0:1] + headers[2:], values[1:2] + values[0:1] + values[2:]
    return [
        ("head", [(x["supplier"], 14, True), (x["address"], 9, False)], [(w["tax_invoice"], 20, True)]),
        ("space", 10), ("kv", [(w["bill_to"], ""), (x["buyer"], "")], {"plain": True}), ("space", 12),
        ("grid", headers, values), ("space", 12), items_block(x, rng), ("space", 8),
        ("totals", [(pick(rng, w["subtotal"]), money(x["net"], x["loc"], rng)), (tax_label(x, rng), money(x["tax"], x["loc"], rng)),
                    (pick(rng, w["total_incl"]).format(r=rate_text(x["rate"])), money(x["total"], x["loc"], rng))], {}),
        ("space", 10), ("para", f"{w['terms']}: {w['terms_value']} · {pick(rng, w['due_label'])} {ds(x['due'])}", 9),
        ("space", 20), footer(x, rng),
    ]


def layout_letter(x, rng, ds):
    """A business letter: the number only in a title with digits ("Rechnung Nr. 2026-0412")."""
    w = x["w"]
    nl = pick(rng, w["number_label"])
    title = f"{w['invoice']} {x['number']}" if rng.random() < 0.5 else f"{nl} {x['number']}"
    return [
        ("para", f"{x['supplier']} · {x['address']}", 7), ("space", 6),
        ("cols", [("kv", [(x["buyer"], ""), ("Damrak 1", ""), ("1012 LG Amsterdam", "")], {"plain": True})],
         [("kv", [(pick(rng, w["customer_label"]), x["customer"]), (pick(rng, w["date_label"]), ds(x["date"])),
                  (w["vat_id"], x["vat"])], {"sep": " "})]),
        ("space", 24), ("title", title, 15, "left"), ("space", 6), ("para", w["letter_open"], 10), ("space", 6),
        items_block(x, rng), ("space", 6),
        ("totals", [(pick(rng, w["subtotal"]), money(x["net"], x["loc"], rng)), (tax_label(x, rng), money(x["tax"], x["loc"], rng)),
                    (pick(rng, w["total"]), money(x["total"], x["loc"], rng))], {}),
        ("space", 8), ("para", f"{w['terms']}: {w['terms_value']}, {pick(rng, w['due_label'])} {ds(x['due'])}.", 10),
        ("para", w["letter_close"], 10), ("space", 24), footer(x, rng),
    ]


def layout_webshop(x, rng, ds):
    """A web-shop order confirmation / invoice: prices include tax, long order ids, shipping."""
    w = x["w"]
    ship = Decimal(rng.choice(["0.00", "4.95", "5.90", "6.99"]))
    gross_items = x["total"] - ship
    order_no = f"{long_id(rng, 3)}-{long_id(rng, 7)}-{long_id(rng, 7)}"
    return [
        ("head", [(x["supplier"], 13, True), (f"www.{x['supplier'].split()[0].lower()}.example", 8, False)],
         [(f"{w['order_confirm']} / {w['invoice']}", 13, True)]),
        ("space", 10),
        ("kv", [(w["order_number"], order_no), (w["order_placed"], ds(x["date"] - timedelta(days=rng.randint(0, 3)))),
                (pick(rng, w["number_label"]), x["number"]), (pick(rng, w["date_label"]), ds(x["date"])),
                (w["payment_method"], w["card"]), (w["sold_by"], f"{x['supplier']}, {w['vat_id']} {x['vat']}")], {"sep": ": "}),
        ("space", 10),
        ("items", [w["description"], w["qty"], w["amount"]],
         [[desc, str(q), money(a * (1 + x["rate"] / 100), x["loc"], rng, with_currency=False)] for desc, q, p, a in x["items"]]),
        ("space", 8),
        ("totals", [(w["items_subtotal"], money(gross_items, x["loc"], rng)), (w["shipping"], money(ship, x["loc"], rng)),
                    (pick(rng, w["total_incl"]).format(r=rate_text(x["rate"])), money(x["total"], x["loc"], rng)),
                    (w["incl_tax_note"].format(r=rate_text(x["rate"])), money(x["tax"], x["loc"], rng)),
                    (w["paid"], money(x["total"], x["loc"], rng))], {}),
        ("space", 20), ("para", w["thanks"], 9),
    ], dict(due=None)


def layout_receipt(x, rng, ds):
    """A card-payment receipt (SaaS / web shop): amount paid, receipt number, no due date."""
    w = x["w"]
    return [
        ("title", w["receipt"], 20, "left"), ("space", 4), ("para", x["supplier"], 11), ("space", 10),
        ("kv", [(w["receipt_number"], x["number"]), (w["date_paid"], ds(x["date"])), (w["payment_method"], w["card"])],
         {"stacked": True}),
        ("space", 12),
        ("para", f"{money(x['total'], x['loc'], rng)} {w['date_paid'].lower()} {ds(x['date'])}", 14),
        ("space", 10), items_block(x, rng), ("space", 6),
        ("totals", [(pick(rng, w["subtotal"]), money(x["net"], x["loc"], rng)), (tax_label(x, rng), money(x["tax"], x["loc"], rng)),
                    (pick(rng, w["total"]), money(x["total"], x["loc"], rng)), (w["paid"], money(x["total"], x["loc"], rng))], {}),
        ("space", 20), ("para", f"{x['supplier']} · {x['address']} · {w['vat_id']} {x['vat']}", 7),
    ], dict(due=None)


def layout_utility(x, rng, ds):
    """A utility bill: account and meter ids (long digit runs), billing period, previous balance, amount due."""
    w = x["w"]
    prev = (Decimal(rng.randint(0, 30000)) / 100).quantize(CENT)
    paid = prev if rng.random() < 0.6 else (prev / 2).quantize(CENT)
    due_amount = prev - paid + x["total"]
    start = x["date"] - timedelta(days=40)
    end = x["date"] - timedelta(days=10)
    kwh = rng.randint(150, 4000)
    usage = (x["net"] * Decimal("0.8")).quantize(CENT)
    standing = x["net"] - usage
    return [
        ("head", [(x["supplier"], 14, True), (x["address"], 8, False)], [(pick(rng, w["utility_title"]), 16, True)]),
        ("space", 10),
        ("cols", [("kv", [(x["buyer"], ""), ("Damrak 1, 1012 LG Amsterdam", "")], {"plain": True})],
         [("kv", [(w["account_number"], long_id(rng, rng.choice([10, 12]))), (w["meter"], long_id(rng, rng.choice([13, 18]))),
                  (w["bill_number"], x["number"]), (w["bill_date"], ds(x["date"])),
                  (w["period"], f"{ds(start)} - {ds(end)}")], {"sep": " "})]),
        ("space", 12),
        ("items", [w["description"], w["qty"], w["amount"]],
         [[w["usage"], f"{kwh} kWh", money(usage, x["loc"], rng, with_currency=False)],
          [w["standing"], "30", money(standing, x["loc"], rng, with_currency=False)]]),
        ("space", 8),
        ("totals", [(w["previous_balance"], money(prev, x["loc"], rng)), (w["payment_received"], money(-paid, x["loc"], rng)),
                    (pick(rng, w["subtotal"]), money(x["net"], x["loc"], rng)), (tax_label(x, rng), money(x["tax"], x["loc"], rng)),
                    (w["this_bill"], money(x["total"], x["loc"], rng)), (w["amount_due"], money(due_amount, x["loc"], rng))], {}),
        ("space", 8), ("para", f"{w['debit']} {ds(x['due'])}.", 9), ("space", 20), footer(x, rng),
    ]


def layout_minimal(x, rng, ds):
    """Modern minimal: "#number", amount due up top, paid and balance lines below the grand total."""
    w = x["w"]
    deposit = (x["total"] * Decimal(rng.choice(["0", "0", "0.3", "0.5"]))).quantize(CENT)
    return [
        ("title", w["invoice"], 26, "left"), ("para", f"#{x['number']}", 12), ("space", 12),
        ("cols", [("kv", [(pick(rng, w["date_label"]), ds(x["date"])), (pick(rng, w["due_label"]), ds(x["due"]))], {"stacked": True})],
         [("kv", [(w["amount_due"] + f" ({LOCALES[x['loc']]['currency']})", money(x["total"] - deposit, x["loc"], rng))],
                  {"stacked": True})]),
        ("space", 10),
        ("cols", [("kv", [(x["supplier"], ""), (x["address"], ""), (x["vat"], "")], {"plain": True})],
         [("kv", [(w["bill_to"], ""), (x["buyer"], "")], {"plain": True})]),
        ("space", 12), items_block(x, rng), ("space", 6),
        ("totals", [(pick(rng, w["subtotal"]), money(x["net"], x["loc"], rng)), (tax_label(x, rng), money(x["tax"], x["loc"], rng)),
                    (pick(rng, w["total"]), money(x["total"], x["loc"], rng)), (w["deposit"], money(-deposit, x["loc"], rng)),
                    (w["balance_due"], money(x["total"] - deposit, x["loc"], rng))], {}),
    ]


def layout_boxes(x, rng, ds):
    """Labels above their values in a row of boxes (no borders), totals as a labelled row too."""
    w = x["w"]
    return [
        ("head", [(x["supplier"], 16, True), (x["address"], 9, False)], [(w["invoice"].upper(), 20, True)]),
        ("space", 14), ("kv", [(w["bill_to"], ""), (x["buyer"], "")], {"plain": True}), ("space", 10),
        ("kv", [(pick(rng, w["number_label"]), x["number"]), (pick(rng, w["date_label"]), ds(x["date"])),
                (pick(rng, w["due_label"]), ds(x["due"])), (pick(rng, w["order_label"]), x["po"])], {"stacked": True, "row": True}),
        ("space", 14), items_block(x, rng), ("space", 10),
        ("kv", [(pick(rng, w["subtotal"]), money(x["net"], x["loc"], rng)), (tax_label(x, rng), money(x["tax"], x["loc"], rng)),
                (pick(rng, w["total"]), money(x["total"], x["loc"], rng))], {"stacked": True, "row": True}),
        ("space", 30), footer(x, rng),
    ]


def layout_details_table(x, rng, ds):
    """A bordered two-column details table; totals at the far right with the currency code in the label."""
    w = x["w"]
    cur = LOCALES[x["loc"]]["currency"]
    return [
        ("title", w["tax_invoice"], 18, "right"), ("para", x["supplier"], 12), ("para", x["address"], 9),
        ("para", f"{w['vat_id']}: {x['vat']}", 9), ("space", 12),
        ("table2", w["details"], [(pick(rng, w["number_label"]), x["number"]), (pick(rng, w["date_label"]), ds(x["date"])),
                                  (pick(rng, w["due_label"]), ds(x["due"])), (pick(rng, w["customer_label"]), x["customer"]),
                                  (w["iban"], x["iban"])]),
        ("space", 12), items_block(x, rng), ("space", 8),
        ("table2", w["summary"], [(f"{pick(rng, w['subtotal'])} ({cur})", money(x["net"], x["loc"], rng, with_currency=False)),
                                  (f"{tax_label(x, rng)} ({cur})", money(x["tax"], x["loc"], rng, with_currency=False)),
                                  (f"{pick(rng, w['total_incl']).format(r=rate_text(x['rate']))} ({cur})",
                                   money(x["total"], x["loc"], rng, with_currency=False))]),
        ("space", 20), ("para", w["thanks"], 9),
    ]


def layout_inclusive(x, rng, ds):
    """Tax-inclusive totals: the total line carries the rate, a "net / of which tax" breakdown below it."""
    w = x["w"]
    return [
        ("head", [(x["supplier"], 13, True), (x["address"], 9, False), (f"{w['vat_id']} {x['vat']}", 8, False)],
         [(w["invoice"], 18, True), (f"{pick(rng, w['number_label'])} {x['number']}", 10, False),
          (ds(x["date"]), 10, False)]),
        ("space", 14), ("kv", [(w["bill_to"], ""), (x["buyer"], ""), (f"{pick(rng, w['customer_label'])} {x['customer']}", "")],
                         {"plain": True}),
        ("space", 12), items_block(x, rng), ("space", 8),
        ("totals", [(pick(rng, w["total_incl"]).format(r=rate_text(x["rate"])), money(x["total"], x["loc"], rng)),
                    (w["net"], money(x["net"], x["loc"], rng)), (w["of_which_tax"].format(r=rate_text(x["rate"])),
                                                                 money(x["tax"], x["loc"], rng))], {}),
        ("space", 10), ("para", f"{pick(rng, w['due_label'])}: {ds(x['due'])}", 10), ("space", 16), footer(x, rng),
    ]


LAYOUTS = {
    "classic": layout_classic, "header-grid": layout_header_grid, "letter": layout_letter, "webshop": layout_webshop,
    "receipt": layout_receipt, "utility": layout_utility, "minimal": layout_minimal, "boxes": layout_boxes,
    "details-table": layout_details_table, "inclusive": layout_inclusive,
}

# ---------------------------------------------------------------- renderers


def e(s):
    return html.escape(s, quote=False)


def html_block(b, st):
    kind = b[0]
    if kind == "head":
        left = "<br>".join(f"<span style='font-size:{s}pt;{'font-weight:bold' if bold else ''}'>{e(t)}</span>" for t, s, bold in b[1])
        right = "<br>".join(f"<span style='font-size:{s}pt;{'font-weight:bold' if bold else ''}'>{e(t)}</span>" for t, s, bold in b[2])
        return f"<table width='100%' cellspacing='0'><tr><td valign='top'>{left}</td><td valign='top' align='right'>{right}</td></tr></table>"
    if kind == "title":
        ls = f"letter-spacing:{st['title_spacing']}pt;" if st["title_spacing"] else ""
        return f"<p align='{b[3]}' style='font-size:{b[2]}pt;font-weight:bold;margin:0;{ls}'>{e(b[1])}</p>"
    if kind == "para":
        return f"<p style='font-size:{b[2]}pt;margin:2pt 0'>{e(b[1])}</p>"
    if kind == "space":
        return f"<div style='height:{b[1]}pt'>&nbsp;</div>" if st["producer"] != "libreoffice" else "<p>&nbsp;</p>" * max(1, b[1] // 14)
    if kind == "kv":
        pairs, o = b[1], b[2]
        if o.get("plain"):
            return "<p style='margin:0'>" + "<br>".join(e(k) for k, _ in pairs) + "</p>"
        if o.get("stacked"):
            if o.get("row"):
                heads = "".join(f"<td style='font-size:8pt;color:#555'>{e(k)}</td>" for k, _ in pairs)
                vals = "".join(f"<td><b>{e(v)}</b></td>" for _, v in pairs)
                return f"<table width='100%' cellspacing='0' cellpadding='3'><tr>{heads}</tr><tr>{vals}</tr></table>"
            return "".join(f"<p style='margin:0;font-size:8pt;color:#555'>{e(k)}</p><p style='margin:0 0 4pt 0'><b>{e(v)}</b></p>"
                           for k, v in pairs)
        sep = o.get("sep", ": ")
        if st["kv_table"]:
            return "<table cellspacing='0' cellpadding='1'>" + "".join(
                f"<tr><td>{e(k)}{e(sep.strip())}</td><td>{e(v)}</td></tr>" for k, v in pairs) + "</table>"
        return "<p style='margin:0'>" + "<br>".join(f"{e(k)}{e(sep)}{e(v)}" for k, v in pairs) + "</p>"
    if kind == "cols":
        left = "".join(html_block(x, st) for x in b[1])
        right = "".join(html_block(x, st) for x in b[2])
        return f"<table width='100%' cellspacing='0'><tr><td valign='top' width='50%'>{left}</td><td valign='top'>{right}</td></tr></table>"
    if kind == "grid":
        heads = "".join(f"<th style='border:1px solid #777;font-weight:normal;background:#eee'>{e(h)}</th>" for h in b[1])
        vals = "".join(f"<td style='border:1px solid #777'>{e(v)}</td>" for v in b[2])
        return f"<table border='1' cellspacing='0' cellpadding='4' style='border-collapse:collapse'><tr>{heads}</tr><tr>{vals}</tr></table>"
    if kind == "items":
        heads = "".join(f"<th align='{'left' if i == 0 else 'right'}' style='border-bottom:1px solid #000'>{e(h)}</th>"
                        for i, h in enumerate(b[1]))
        rows = "".join("<tr>" + "".join(f"<td align='{'left' if i == 0 else 'right'}'>{e(c)}</td>" for i, c in enumerate(r)) + "</tr>"
                       for r in b[2])
        return f"<table width='100%' cellspacing='0' cellpadding='3'><tr>{heads}</tr>{rows}</table>"
    if kind == "totals":
        rows = "".join(f"<tr><td align='right'>{'<b>' if i == len(b[1]) - 1 or 'tot' in k.lower() else ''}{e(k)}</td>"
                       f"<td align='right' width='110'>{e(v)}</td></tr>" for i, (k, v) in enumerate(b[1]))
        return f"<table width='100%' cellspacing='0' cellpadding='2'><tr><td width='45%'></td><td><table width='100%'>{rows}</table></td></tr></table>"
    if kind == "table2":
        rows = "".join(f"<tr><td style='border:1px solid #999'>{e(k)}</td><td style='border:1px solid #999' align='right'>{e(v)}</td></tr>"
                       for k, v in b[2])
        return (f"<p style='margin:0;font-weight:bold'>{e(b[1])}</p><table width='70%' border='1' cellspacing='0' cellpadding='3' "
                f"style='border-collapse:collapse'>{rows}</table>")
    raise ValueError(kind)


def to_html(blocks, st):
    body = "\n".join(html_block(b, st) for b in blocks)
    ws = f"word-spacing:{st['word_spacing']}pt;" if st["word_spacing"] else ""
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><style>@page {{ size: A4; margin: 18mm }} "
            f"body {{ font-family: '{st['font']}'; font-size: {st['size']}pt; {ws} }} td, th {{ font-size: {st['size']}pt }}"
            f"</style></head><body>{body}</body></html>")


def render_chromium(blocks, st, out, tmp):
    src = os.path.join(tmp, "doc.html")
    with open(src, "w", encoding="utf-8") as f:
        f.write(to_html(blocks, st))
    subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                    f"--print-to-pdf={out}", src], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def render_libreoffice(blocks, st, out, tmp):
    src = os.path.join(tmp, "doc.html")
    with open(src, "w", encoding="utf-8") as f:
        f.write(to_html(blocks, st))
    # Import as a Writer text document (not Writer/Web), then export with the Writer PDF filter.
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp}/lo-profile", "--headless", "--infilter=HTML (StarWriter)",
                    "--convert-to", "pdf:writer_pdf_Export", "--outdir", tmp, src], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    shutil.move(os.path.join(tmp, "doc.pdf"), out)


def render_reportlab(blocks, st, out, tmp):
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    font, bold = st["rl_font"]
    if font.startswith("DejaVu"):
        for name, file in (("DejaVuSans", "DejaVuSans.ttf"), ("DejaVuSans-Bold", "DejaVuSans-Bold.ttf")):
            if name not in pdfmetrics.getRegisteredFontNames():
                pdfmetrics.registerFont(TTFont(name, f"/usr/share/fonts/truetype/dejavu/{file}"))
    size = st["size"]

    def ps(sz=size, b=False, align=0, spacing=0):
        return ParagraphStyle("p", fontName=bold if b else font, fontSize=sz, leading=sz * 1.25, alignment=align,
                              wordSpace=spacing)

    def para(t, sz=size, b=False, align=0):
        return Paragraph(e(t), ps(sz, b, align, st["word_spacing"]))

    def flow(b):
        kind = b[0]
        if kind == "head":
            left = [para(t, s, bo) for t, s, bo in b[1]]
            right = [para(t, s, bo, 2) for t, s, bo in b[2]]
            return [Table([[left, right]], colWidths=[95 * mm, 80 * mm], style=[("VALIGN", (0, 0), (-1, -1), "TOP")])]
        if kind == "title":
            return [para(b[1], b[2], True, {"left": 0, "right": 2, "center": 1}[b[3]])]
        if kind == "para":
            return [para(b[1], b[2])]
        if kind == "space":
            return [Spacer(1, b[1])]
        if kind == "kv":
            pairs, o = b[1], b[2]
            if o.get("plain"):
                return [para(k) for k, _ in pairs]
            if o.get("stacked"):
                if o.get("row"):
                    return [Table([[para(k, size - 2) for k, _ in pairs], [para(v, size, True) for _, v in pairs]],
                                  hAlign="LEFT")]
                out_ = []
                for k, v in pairs:
                    out_ += [para(k, size - 2), para(v, size, True)]
                return out_
            sep = o.get("sep", ": ")
            if st["kv_table"]:
                return [Table([[para(k + sep.strip()), para(v)] for k, v in pairs], hAlign="LEFT")]
            return [para(f"{k}{sep}{v}") for k, v in pairs]
        if kind == "cols":
            left = sum((flow(x) for x in b[1]), [])
            right = sum((flow(x) for x in b[2]), [])
            return [Table([[left, right]], colWidths=[90 * mm, 85 * mm], style=[("VALIGN", (0, 0), (-1, -1), "TOP")])]
        if kind == "grid":
            t = Table([[para(h) for h in b[1]], [para(v) for v in b[2]]], hAlign="LEFT")
            t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.grey), ("BACKGROUND", (0, 0), (-1, 0), colors.whitesmoke)]))
            return [t]
        if kind == "items":
            data = [[para(h, size, True, 0 if i == 0 else 2) for i, h in enumerate(b[1])]]
            data += [[para(c, size, False, 0 if i == 0 else 2) for i, c in enumerate(r)] for r in b[2]]
            widths = [80 * mm] + [(95 * mm) / (len(b[1]) - 1)] * (len(b[1]) - 1)
            t = Table(data, colWidths=widths)
            t.setStyle(TableStyle([("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.black)]))
            return [t]
        if kind == "totals":
            data = [[para(k, size, i == len(b[1]) - 1, 2), para(v, size, i == len(b[1]) - 1, 2)] for i, (k, v) in enumerate(b[1])]
            return [Table(data, colWidths=[70 * mm, 35 * mm], hAlign="RIGHT")]
        if kind == "table2":
            t = Table([[para(k), para(v, size, False, 2)] for k, v in b[2]], colWidths=[70 * mm, 50 * mm], hAlign="LEFT")
            t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.grey)]))
            return [para(b[1], size, True), t]
        raise ValueError(kind)

    story = sum((flow(b) for b in blocks), [])
    doc = SimpleDocTemplate(out, pagesize=A4, leftMargin=18 * mm, rightMargin=18 * mm, topMargin=16 * mm, bottomMargin=16 * mm,
                            title="", author="", creator="ReportLab")
    doc.build(story)


RENDERERS = {"chromium": render_chromium, "libreoffice": render_libreoffice, "reportlab": render_reportlab}
RL_FONTS = [("Helvetica", "Helvetica-Bold"), ("Times-Roman", "Times-Bold"), ("DejaVuSans", "DejaVuSans-Bold")]

# ---------------------------------------------------------------- main


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seed", type=int, default=19)
    ap.add_argument("--per-cell", type=int, default=2, help="documents per (producer, layout)")
    ap.add_argument("--producers", default="chromium,libreoffice,reportlab")
    ap.add_argument("--out", default=HERE)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    producers = args.producers.split(",")
    pdf_dir = os.path.join(args.out, "pdfs")
    os.makedirs(pdf_dir, exist_ok=True)
    for old in os.listdir(pdf_dir):
        if old.endswith(".pdf"):
            os.remove(os.path.join(pdf_dir, old))
    locales = list(LOCALES)
    date_styles = ["numeric", "long", "short", "iso", "weekday", "spaced-numeric", "numeric", "long", "short"]
    rows = []
    k = 0
    with tempfile.TemporaryDirectory() as tmp:
        for producer in producers:
            for layout, fn in LAYOUTS.items():
                for i in range(args.per_cell):
                    loc = locales[k % len(locales)]
                    k += 1
                    x = make_data(rng, loc)
                    style = date_styles[rng.randrange(len(date_styles))]
                    ds = lambda d, _loc=loc, _style=style: fmt_date(d, _loc, rng, _style)  # noqa: E731
                    made = fn(x, rng, ds)
                    blocks, override = (made if isinstance(made, tuple) else (made, {}))
                    st = dict(producer=producer, font=rng.choice(HTML_FONTS), size=rng.choice([9, 9.5, 10, 10.5]),
                              rl_font=rng.choice(RL_FONTS), kv_table=rng.random() < 0.5,
                              title_spacing=rng.choice([0, 0, 0, 1.5, 3]), word_spacing=rng.choice([0, 0, 0, 1, 2.5]))
                    name = f"{producer}-{layout}-{i + 1}-{loc}.pdf"
                    out = os.path.join(pdf_dir, name)
                    RENDERERS[producer](blocks, st, out, tmp)
                    due = override.get("due", x["due"])
                    rows.append(dict(file=name, producer=producer, layout=layout, locale=loc, language=x["lang"],
                                     date_style=style, document_type="INVOICE", supplier=x["supplier"], invoice_number=x["number"],
                                     invoice_date=x["date"].isoformat(), due_date="" if due is None else due.isoformat(),
                                     currency=LOCALES[loc]["currency"], subtotal=f"{x['net']:.2f}", tax=f"{x['tax']:.2f}",
                                     total=f"{x['total']:.2f}"))
                    print(name, file=sys.stderr)
    with open(os.path.join(args.out, "labels.csv"), "w", newline="", encoding="utf-8") as f:
        wr = csv.DictWriter(f, fieldnames=list(rows[0]))
        wr.writeheader()
        wr.writerows(rows)


if __name__ == "__main__":
    main()
