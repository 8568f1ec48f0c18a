package io.backroom.sampledata.pdf;

import io.backroom.sampledata.model.CreditNote;
import io.backroom.sampledata.model.PaymentReminder;
import io.backroom.sampledata.model.StatementEntry;
import io.backroom.sampledata.model.Supplier;
import io.backroom.sampledata.model.SupplierStatement;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;

/** Credit notes, statements and reminders: each with its own look, in the supplier's language. */
final class LetterRenderer {
    private static final float M = 52;
    private static final float W = PDRectangle.A4.getWidth();
    private static final float H = PDRectangle.A4.getHeight();
    private static final int CREDIT_RED = 0xB71C1C;
    private static final int STATEMENT_GREEN = 0x1B5E20;
    private static final int REMINDER_AMBER = 0x8D6E00;
    private static final int ROWS_PER_PAGE = 34;

    private final Fonts fonts;
    private final Supplier supplier;
    private final LetterTexts t;

    LetterRenderer(Fonts fonts, Supplier supplier) {
        this.fonts = fonts;
        this.supplier = supplier;
        this.t = LetterTexts.forLanguage(supplier.language());
    }

    static String creditNoteLayout(Supplier s) {
        return "CREDIT_NOTE_" + LetterTexts.forLanguage(s.language()).language().toUpperCase(java.util.Locale.ROOT);
    }

    static String statementLayout(Supplier s) {
        return "STATEMENT_" + LetterTexts.forLanguage(s.language()).language().toUpperCase(java.util.Locale.ROOT);
    }

    static String reminderLayout(Supplier s) {
        return "REMINDER_" + LetterTexts.forLanguage(s.language()).language().toUpperCase(java.util.Locale.ROOT);
    }

    /** A credit note, drawn with the invoice machinery in a layout of its own (red, condensed, boxed). */
    int creditNote(PDDocument doc, CreditNote note) {
        InvoiceLayout layout = new InvoiceLayout(creditNoteLayout(supplier), t.language(), false, t.numbers(),
                "dd.MM.yyyy".equals(t.datePattern()) ? "dd.MM.yyyy" : dayFirst(), java.util.Locale.ROOT,
                Fonts.Face.CONDENSED, Fonts.Face.CONDENSED_BOLD, Fonts.Face.CONDENSED, CREDIT_RED,
                InvoiceLayout.Header.LOGO_LEFT_TITLE_RIGHT, InvoiceLayout.Meta.BOX_RIGHT, InvoiceLayout.Table.RULES,
                InvoiceLayout.Totals.RIGHT_BOXED,
                List.of(new InvoiceLayout.Column(InvoiceLayout.Kind.DESCRIPTION, t.word("reason"), 0.52f),
                        new InvoiceLayout.Column(InvoiceLayout.Kind.QTY, "#", 0.1f),
                        new InvoiceLayout.Column(InvoiceLayout.Kind.UNIT_PRICE, t.word("amount"), 0.19f),
                        new InvoiceLayout.Column(InvoiceLayout.Kind.AMOUNT, t.word("subtotal"), 0.19f)),
                java.util.Map.ofEntries(java.util.Map.entry("title", t.word("credit")),
                        java.util.Map.entry("number", t.word("creditNo")), java.util.Map.entry("date", t.word("date")),
                        java.util.Map.entry("due", t.word("due")), java.util.Map.entry("po", t.word("original")),
                        java.util.Map.entry("customer", t.word("account")),
                        java.util.Map.entry("billTo", t.word("billTo")), java.util.Map.entry("shipTo", t.word("po")),
                        java.util.Map.entry("subtotal", t.word("subtotal")), java.util.Map.entry("tax", t.word("tax")),
                        java.util.Map.entry("total", t.word("total")), java.util.Map.entry("page", t.word("page")),
                        java.util.Map.entry("terms", "%s"), java.util.Map.entry("bank", t.word("bank")),
                        java.util.Map.entry("vat", t.word("vat")), java.util.Map.entry("continued", "…"),
                        java.util.Map.entry("footer", t.word("regards"))),
                20, 34);
        DocView view = DocView.of(note);
        view = new DocView(view.number(), view.date(), null, note.invoiceNumber(), null, view.currency(), view.rows(),
                view.charges(), view.subtotal(), view.taxRate(), view.tax(), view.total(), null);
        List<String> reference = note.poReference() == null ? List.of(Parties.RETAILER)
                : List.of(Parties.RETAILER, note.poReference());
        return new InvoiceRenderer(layout, view, supplier, reference, t.word("credit")).render(doc, fonts);
    }

    private String dayFirst() {
        return switch (t.language()) {
            case "nl" -> "dd-MM-yyyy";
            case "en" -> "dd/MM/yyyy";
            default -> "dd/MM/yyyy";
        };
    }

    /** A statement of account: centred serif letterhead, green rules, a running table of open items. */
    int statement(PDDocument doc, SupplierStatement st) {
        PDFont regular = fonts.load(doc, Fonts.Face.SERIF);
        PDFont bold = fonts.load(doc, Fonts.Face.SERIF_BOLD);
        List<List<StatementEntry>> pages = chunks(st.entries());
        int pageNo = 0;
        for (List<StatementEntry> rows : pages) {
            pageNo++;
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            try (Canvas c = Canvas.open(doc, page)) {
                float y = H - M;
                c.center(bold, 15, W / 2, y - 8, supplier.name(), STATEMENT_GREEN);
                c.center(regular, 8.5f, W / 2, y - 22, String.join(" · ", Parties.supplierLines(supplier)), 0x555555);
                c.line(M, y - 30, W - M, y - 30, 1.5f, STATEMENT_GREEN);
                if (pageNo == 1) {
                    c.text(bold, 14, M, y - 62, t.word("statement"));
                    float by = y - 88;
                    for (String l : Parties.billTo(t.language())) {
                        c.text(regular, 9.5f, M, by, l);
                        by -= 12;
                    }
                    c.text(regular, 9.5f, W - M - 200, y - 88, t.word("statementDate") + ": " + t.date(st.statementDate()));
                    c.text(regular, 9.5f, W - M - 200, y - 101, t.word("account") + ": " + Parties.customerNumber(supplier));
                    y = y - 170;
                } else {
                    y = y - 60;
                }
                String[] heads = {t.word("doc"), t.word("type"), t.word("docDate"), t.word("due"), t.word("amount")};
                float[] xs = {M, M + 130, M + 230, M + 320, W - M};
                for (int i = 0; i < 4; i++) {
                    c.text(bold, 9, xs[i], y, heads[i]);
                }
                c.right(bold, 9, xs[4], y, heads[4]);
                c.line(M, y - 5, W - M, y - 5, 0.8f, STATEMENT_GREEN);
                y -= 18;
                for (StatementEntry e : rows) {
                    c.text(regular, 9, xs[0], y, e.documentNumber());
                    c.text(regular, 9, xs[1], y, t.word(e.documentType()));
                    c.text(regular, 9, xs[2], y, t.date(e.documentDate()));
                    c.text(regular, 9, xs[3], y, t.date(e.dueDate()));
                    c.right(regular, 9, xs[4], y, t.numbers().number(e.amount()));
                    y -= 14;
                }
                if (pageNo == pages.size()) {
                    c.line(W - M - 220, y + 6, W - M, y + 6, 0.8f, STATEMENT_GREEN);
                    c.text(bold, 10, W - M - 220, y - 8, t.word("balance"));
                    c.right(bold, 10, W - M, y - 8, t.numbers().money(st.balance(), st.currency()));
                }
                c.right(regular, 7.5f, W - M, M - 14, String.format(t.word("page"), pageNo, pages.size()), 0x777777);
                c.text(regular, 7, M, M - 14, t.word("bank") + ": " + supplier.iban(), 0x777777);
            }
        }
        return pages.size();
    }

    private static List<List<StatementEntry>> chunks(List<StatementEntry> entries) {
        List<List<StatementEntry>> pages = new ArrayList<>();
        for (int i = 0; i < entries.size(); i += ROWS_PER_PAGE) {
            pages.add(entries.subList(i, Math.min(entries.size(), i + ROWS_PER_PAGE)));
        }
        if (pages.isEmpty()) {
            pages.add(List.of());
        }
        return pages;
    }

    /** A dunning letter: sans letterhead with an amber side bar, body text, the overdue items and the sum due. */
    int reminder(PDDocument doc, PaymentReminder rem) {
        PDFont regular = fonts.load(doc, Fonts.Face.SANS);
        PDFont bold = fonts.load(doc, Fonts.Face.SANS_BOLD);
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        try (Canvas c = Canvas.open(doc, page)) {
            c.fill(0, 0, 14, H, REMINDER_AMBER);
            float y = H - M;
            Logos.draw(c, bold, supplier, M, y - 40, 40, REMINDER_AMBER);
            c.text(bold, 12, M + 52, y - 14, supplier.name());
            c.text(regular, 8.5f, M + 52, y - 28, String.join(", ", Parties.supplierLines(supplier)));
            float by = y - 100;
            for (String l : Parties.billTo(t.language())) {
                c.text(regular, 10, M, by, l);
                by -= 13;
            }
            c.right(regular, 10, W - M, y - 100, t.date(rem.reminderDate()));
            c.text(bold, 15, M, y - 190, t.word("reminder" + Math.min(3, rem.level())), REMINDER_AMBER);
            float ty = y - 215;
            for (String line : wrap(regular, 10, t.word("body"), W - 2 * M)) {
                c.text(regular, 10, M, ty, line);
                ty -= 14;
            }
            ty -= 10;
            String[] heads = {t.word("doc"), t.word("docDate"), t.word("due"), t.word("amount")};
            float[] xs = {M, M + 150, M + 260, W - M};
            for (int i = 0; i < 3; i++) {
                c.text(bold, 9, xs[i], ty, heads[i]);
            }
            c.right(bold, 9, xs[3], ty, heads[3]);
            c.line(M, ty - 5, W - M, ty - 5, 0.6f, 0x333333);
            ty -= 18;
            for (StatementEntry e : rem.overdueItems()) {
                c.text(regular, 9.5f, xs[0], ty, e.documentNumber());
                c.text(regular, 9.5f, xs[1], ty, t.date(e.documentDate()));
                c.text(regular, 9.5f, xs[2], ty, t.date(e.dueDate()));
                c.right(regular, 9.5f, xs[3], ty, t.numbers().number(e.amount()));
                ty -= 14;
            }
            ty -= 8;
            BigDecimal toPay = rem.overdueAmount().add(rem.fee());
            String[][] sums = {{t.word("overdue"), t.numbers().number(rem.overdueAmount())},
                {t.word("fee"), t.numbers().number(rem.fee())},
                {t.word("toPay"), t.numbers().money(toPay, rem.currency())}};
            for (int i = 0; i < sums.length; i++) {
                PDFont f = i == 2 ? bold : regular;
                c.text(f, 10, W - M - 240, ty, sums[i][0]);
                c.right(f, 10, W - M, ty, sums[i][1]);
                ty -= 15;
            }
            c.text(regular, 10, M, ty - 30, t.word("regards"));
            c.text(regular, 7.5f, M, M - 14, t.word("bank") + ": " + supplier.iban() + " · " + t.word("vat") + " "
                    + supplier.vatNumber(), 0x777777);
        }
        return 1;
    }

    private static List<String> wrap(PDFont font, float size, String text, float width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = line.length() == 0 ? word : line + " " + word;
            if (Canvas.width(font, size, candidate) > width && line.length() > 0) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(candidate);
            }
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }
}
