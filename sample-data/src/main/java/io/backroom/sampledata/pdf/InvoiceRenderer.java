package io.backroom.sampledata.pdf;

import io.backroom.sampledata.model.Charge;
import io.backroom.sampledata.model.Supplier;
import io.backroom.sampledata.pdf.InvoiceLayout.Column;
import io.backroom.sampledata.pdf.InvoiceLayout.Kind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;

/** Draws an invoice-like document in one {@link InvoiceLayout}, over as many pages as its lines need. */
final class InvoiceRenderer {
    private static final float M = 48;
    private static final float ROW = 15.5f;
    private static final int GREY = 0x666666;

    private final InvoiceLayout layout;
    private final DocView view;
    private final Supplier supplier;
    private final List<String> shipTo;
    private final String title;
    private PDFont regular;
    private PDFont bold;
    private PDFont table;
    private float w;
    private float h;

    /**
     * @param title the document title to print (the layout's own, or e.g. a credit-note title)
     */
    InvoiceRenderer(InvoiceLayout layout, DocView view, Supplier supplier, List<String> shipTo, String title) {
        this.layout = layout;
        this.view = view;
        this.supplier = supplier;
        this.shipTo = shipTo;
        this.title = title;
    }

    /** Adds the document's pages to {@code doc}; returns the number of pages. */
    int render(PDDocument doc, Fonts fonts) {
        regular = fonts.load(doc, layout.regular());
        bold = fonts.load(doc, layout.bold());
        table = layout.tableFace() == layout.regular() ? regular : fonts.load(doc, layout.tableFace());
        PDRectangle size = layout.letter() ? PDRectangle.LETTER : PDRectangle.A4;
        w = size.getWidth();
        h = size.getHeight();
        List<List<Integer>> pages = paginate(view.rows().size());
        int pageNo = 0;
        int index = 0;
        for (List<Integer> rows : pages) {
            pageNo++;
            PDPage page = new PDPage(size);
            doc.addPage(page);
            try (Canvas c = Canvas.open(doc, page)) {
                float y = pageNo == 1 ? firstPageHeader(c) : nextPageHeader(c);
                y = tableHeader(c, y);
                for (int i : rows) {
                    y = row(c, y, i, index++);
                }
                tableEnd(c, y);
                boolean last = pageNo == pages.size();
                if (last) {
                    y = totals(c, y - 14);
                    terms(c, y - 10);
                } else {
                    c.right(regular, 8, w - M, y - 14, layout.word("continued"));
                }
                footer(c, pageNo, pages.size());
            }
        }
        return pages.size();
    }

    private List<List<Integer>> paginate(int rows) {
        List<List<Integer>> pages = new ArrayList<>();
        int next = 0;
        int capacity = layout.rowsFirstPage();
        while (true) {
            int remaining = rows - next;
            List<Integer> page = new ArrayList<>();
            int take = remaining <= capacity - 7 ? remaining : Math.min(capacity, remaining - 1);
            for (int i = 0; i < take; i++) {
                page.add(next++);
            }
            pages.add(page);
            if (next >= rows && take == remaining) {
                return pages;
            }
            capacity = layout.rowsNextPage();
        }
    }

    // ------------------------------------------------------------------ header variants

    private float firstPageHeader(Canvas c) {
        float top = h - M;
        String lang = layout.language();
        List<String[]> meta = metaPairs();
        switch (layout.header()) {
            case LOGO_LEFT_TITLE_RIGHT -> {
                Logos.draw(c, bold, supplier, M, top - 48, 48, layout.accent());
                c.right(bold, 24, w - M, top - 22, title, layout.accent());
                lines(c, M, top - 66, supplier.name(), Parties.supplierLines(supplier), 9);
                metaBox(c, w - M - 230, top - 48, 230, meta);
                block(c, M, top - 160, layout.word("billTo"), Parties.billTo(lang));
                block(c, M + 215, top - 160, layout.word("shipTo"), shipTo);
                return top - 262;
            }
            case BANNER -> {
                c.fill(0, h - 78, w, 78, layout.accent());
                c.text(bold, 18, M, h - 40, supplier.name(), 0xFFFFFF);
                c.text(regular, 8.5f, M, h - 58, String.join(", ", Parties.supplierLines(supplier)), 0xFFFFFF);
                c.text(bold, 20, M, h - 112, title, layout.accent());
                strip(c, h - 142, meta);
                block(c, M, h - 200, layout.word("billTo"), Parties.billTo(lang));
                block(c, w / 2, h - 200, layout.word("shipTo"), shipTo);
                return h - 300;
            }
            case CENTERED_TITLE_LOGO_RIGHT -> {
                lines(c, M, top - 10, supplier.name(), Parties.supplierLines(supplier), 9.5f);
                Logos.draw(c, bold, supplier, w - M - 56, top - 56, 56, layout.accent());
                c.center(bold, 22, w / 2, top - 100, title, 0x111111);
                c.line(w / 2 - 60, top - 106, w / 2 + 60, top - 106, 1.2f, layout.accent());
                float y = top - 138;
                for (String[] p : meta) {
                    c.text(bold, 9, M, y, p[0] + ":");
                    c.text(regular, 9, M + 90, y, p[1]);
                    y -= 14;
                }
                block(c, w / 2 + 20, top - 138, layout.word("billTo"), Parties.billTo(lang));
                block(c, w / 2 + 20, top - 222, layout.word("shipTo"), shipTo);
                return Math.min(y, top - 290) - 6;
            }
            case TITLE_LEFT_LOGO_RIGHT -> {
                c.text(bold, 26, M, top - 24, title, layout.accent());
                Logos.draw(c, bold, supplier, w - M - 60, top - 58, 60, layout.accent());
                lines(c, M, top - 56, supplier.name(), Parties.supplierLines(supplier), 9);
                c.stroke(w / 2 + 10, top - 200, w / 2 - 10 - M, 78, 0.8f, 0x999999);
                block(c, w / 2 + 18, top - 134, layout.word("billTo"), Parties.billTo(lang));
                twoColumnTable(c, M, top - 150, 230, meta);
                block(c, w / 2 + 18, top - 222, layout.word("shipTo"), shipTo);
                return top - 318;
            }
            case WINDOW_ENVELOPE -> {
                Logos.draw(c, bold, supplier, w - M - 44, top - 44, 44, layout.accent());
                c.right(bold, 13, w - M - 54, top - 18, supplier.name());
                c.right(regular, 8.5f, w - M - 54, top - 32, String.join(" · ", Parties.supplierLines(supplier)));
                String sender = supplier.name() + " · " + supplier.street() + " · " + supplier.postalCode() + " "
                        + supplier.city();
                c.text(regular, 6.5f, M, top - 112, Canvas.fit(regular, 6.5f, sender, 240));
                c.line(M, top - 115, M + 240, top - 115, 0.4f, GREY);
                float y = top - 132;
                for (String l : Parties.billTo(layout.language())) {
                    c.text(regular, 10, M, y, l);
                    y -= 13;
                }
                float my = top - 112;
                for (String[] p : meta) {
                    c.text(regular, 8.5f, w - M - 200, my, p[0]);
                    c.right(regular, 8.5f, w - M, my, p[1]);
                    my -= 13;
                }
                c.text(bold, 16, M, top - 235, title + " " + view.number());
                c.text(regular, 8.5f, M, top - 252, layout.word("shipTo") + ": " + String.join(", ", shipTo));
                return top - 278;
            }
            case CENTERED_BANNER -> {
                c.center(bold, 15, w / 2, top - 12, supplier.name(), 0x111111);
                c.center(regular, 8.5f, w / 2, top - 27, String.join(" | ", Parties.supplierLines(supplier)), GREY);
                Logos.draw(c, bold, supplier, M, top - 40, 36, layout.accent());
                c.fill(M, top - 78, w - 2 * M, 30, layout.accent());
                c.center(bold, 17, w / 2, top - 69, title, 0xFFFFFF);
                block(c, M, top - 104, layout.word("billTo"), Parties.billTo(layout.language()));
                twoColumnTable(c, w / 2 + 10, top - 100, w / 2 - 10 - M, meta);
                block(c, M, top - 196, layout.word("shipTo"), shipTo);
                return top - 272;
            }
            case BIG_TITLE_LEFT -> {
                c.text(bold, 34, M, top - 30, title, layout.accent());
                float y = top - 8;
                c.right(bold, 11, w - M, y, supplier.name());
                for (String l : Parties.supplierLines(supplier)) {
                    y -= 12;
                    c.right(regular, 8.5f, w - M, y, l);
                }
                c.right(regular, 8.5f, w - M, y - 12, layout.word("vat") + ": " + supplier.vatNumber());
                metaBox(c, M, top - 62, 220, meta);
                c.stroke(w / 2 + 10, top - 178, w / 2 - 10 - M, 92, 0.8f, layout.accent());
                block(c, w / 2 + 18, top - 100, layout.word("billTo"), Parties.billTo(layout.language()));
                block(c, M, top - 172, layout.word("shipTo"), shipTo);
                return top - 262;
            }
            default -> throw new IllegalStateException(layout.header().toString());
        }
    }

    private float nextPageHeader(Canvas c) {
        float top = h - M;
        c.text(bold, 11, M, top - 10, supplier.name());
        c.right(regular, 9, w - M, top - 10, title + " " + layout.word("number") + " " + view.number());
        c.line(M, top - 18, w - M, top - 18, 0.6f, layout.accent());
        return top - 44;
    }

    private List<String[]> metaPairs() {
        List<String[]> meta = new ArrayList<>();
        meta.add(new String[] {layout.word("number"), view.number()});
        meta.add(new String[] {layout.word("date"), layout.date(view.date())});
        if (view.due() != null) {
            meta.add(new String[] {layout.word("due"), layout.date(view.due())});
        }
        if (view.poReference() != null) {
            meta.add(new String[] {layout.word("po"), view.poReference()});
        }
        meta.add(new String[] {layout.word("customer"), Parties.customerNumber(supplier)});
        return meta;
    }

    private void lines(Canvas c, float x, float y, String head, List<String> lines, float size) {
        c.text(bold, size + 1.5f, x, y, head);
        for (String l : lines) {
            y -= size + 3;
            c.text(regular, size, x, y, l);
        }
        c.text(regular, size, x, y - size - 3, layout.word("vat") + " " + supplier.vatNumber());
    }

    private void block(Canvas c, float x, float y, String label, List<String> lines) {
        c.text(bold, 8.5f, x, y, label.toUpperCase(java.util.Locale.ROOT), layout.accent());
        for (String l : lines) {
            y -= 12;
            c.text(regular, 9, x, y, Canvas.fit(regular, 9, l, 200));
        }
    }

    private void metaBox(Canvas c, float x, float y, float width, List<String[]> meta) {
        float height = meta.size() * 15 + 8;
        c.stroke(x, y - height + 10, width, height, 0.8f, layout.accent());
        float ty = y;
        for (String[] p : meta) {
            c.text(bold, 9, x + 8, ty, p[0]);
            c.right(regular, 9, x + width - 8, ty, p[1]);
            ty -= 15;
        }
    }

    private void strip(Canvas c, float y, List<String[]> meta) {
        float colW = (w - 2 * M) / meta.size();
        for (int i = 0; i < meta.size(); i++) {
            float x = M + i * colW;
            c.text(regular, 8, x, y, meta.get(i)[0], GREY);
            c.text(bold, 10, x, y - 14, meta.get(i)[1]);
        }
        c.line(M, y - 22, w - M, y - 22, 0.5f, 0xCCCCCC);
    }

    private void twoColumnTable(Canvas c, float x, float y, float width, List<String[]> meta) {
        float labelW = width * 0.48f;
        for (String[] p : meta) {
            c.fill(x, y - 4, labelW, 15, 0xEEEEEE);
            c.stroke(x, y - 4, width, 15, 0.5f, 0xBBBBBB);
            c.text(bold, 8.5f, x + 4, y, p[0]);
            c.text(regular, 8.5f, x + labelW + 4, y, p[1]);
            y -= 15;
        }
    }

    // ------------------------------------------------------------------ table

    private float[] columnX() {
        float tableW = w - 2 * M;
        List<Column> cols = layout.columns();
        float[] xs = new float[cols.size() + 1];
        xs[0] = M;
        for (int i = 0; i < cols.size(); i++) {
            xs[i + 1] = xs[i] + cols.get(i).width() * tableW;
        }
        xs[cols.size()] = w - M;
        return xs;
    }

    private static boolean numeric(Kind k) {
        return k == Kind.QTY || k == Kind.UNIT_PRICE || k == Kind.AMOUNT || k == Kind.TAX_RATE || k == Kind.POS;
    }

    private float tableHeader(Canvas c, float y) {
        float[] xs = columnX();
        List<Column> cols = layout.columns();
        int textColor = 0x111111;
        switch (layout.table()) {
            case ZEBRA -> {
                c.fill(M, y - 5, w - 2 * M, ROW + 2, layout.accent());
                textColor = 0xFFFFFF;
            }
            case GRID -> {
                c.fill(M, y - 5, w - 2 * M, ROW + 2, 0xE4E8EE);
                c.stroke(M, y - 5, w - 2 * M, ROW + 2, 0.7f, 0x333333);
            }
            case RULES -> {
                c.line(M, y + ROW - 3, w - M, y + ROW - 3, 1.2f, 0x111111);
                c.line(M, y - 5, w - M, y - 5, 0.7f, 0x111111);
            }
            default -> throw new IllegalStateException();
        }
        for (int i = 0; i < cols.size(); i++) {
            Column col = cols.get(i);
            if (numeric(col.kind())) {
                c.right(bold, 8.5f, xs[i + 1] - 4, y, col.header(), textColor);
            } else {
                c.text(bold, 8.5f, xs[i] + 4, y, col.header(), textColor);
            }
        }
        return y - ROW - 2;
    }

    private float row(Canvas c, float y, int rowIndex, int printedIndex) {
        DocView.Row r = view.rows().get(rowIndex);
        float[] xs = columnX();
        List<Column> cols = layout.columns();
        if (layout.table() == InvoiceLayout.Table.ZEBRA && printedIndex % 2 == 1) {
            c.fill(M, y - 5, w - 2 * M, ROW, 0xF2F2F2);
        }
        for (int i = 0; i < cols.size(); i++) {
            Kind k = cols.get(i).kind();
            String text = switch (k) {
                case POS -> String.valueOf(rowIndex + 1);
                case CODE -> r.code();
                case DESCRIPTION -> r.description();
                case QTY -> layout.numbers().quantity(r.quantity());
                case UNIT -> r.unit();
                case UNIT_PRICE -> layout.numbers().number(r.unitPrice());
                case AMOUNT -> layout.numbers().number(r.amount());
                case TAX_RATE -> layout.numbers().quantity(r.taxRate()) + "%";
            };
            text = Canvas.fit(table, 8.5f, text, xs[i + 1] - xs[i] - 8);
            if (numeric(k)) {
                c.right(table, 8.5f, xs[i + 1] - 4, y, text);
            } else {
                c.text(table, 8.5f, xs[i] + 4, y, text);
            }
        }
        if (layout.table() == InvoiceLayout.Table.GRID) {
            for (int i = 0; i < xs.length; i++) {
                c.line(xs[i], y - 5, xs[i], y - 5 + ROW, 0.4f, 0x777777);
            }
            c.line(M, y - 5, w - M, y - 5, 0.4f, 0x777777);
        } else if (layout.table() == InvoiceLayout.Table.RULES) {
            c.line(M, y - 5, w - M, y - 5, 0.25f, 0xBBBBBB);
        }
        return y - ROW;
    }

    private void tableEnd(Canvas c, float y) {
        if (layout.table() == InvoiceLayout.Table.RULES) {
            c.line(M, y + ROW - 5, w - M, y + ROW - 5, 1f, 0x111111);
        }
    }

    // ------------------------------------------------------------------ totals, terms, footer

    private float totals(Canvas c, float y) {
        NumberStyle n = layout.numbers();
        List<String[]> rows = new ArrayList<>();
        for (Charge ch : view.charges()) {
            rows.add(new String[] {ch.description(), n.number(ch.amount())});
        }
        rows.add(new String[] {layout.word("subtotal"), n.number(view.subtotal())});
        rows.add(new String[] {String.format(layout.word("tax"), n.quantity(view.taxRate())), n.number(view.tax())});
        String total = n.money(view.total(), view.currency());
        float width = 230;
        float x = layout.totals() == InvoiceLayout.Totals.LEFT ? M : w - M - width;
        float height = (rows.size() + 1) * 15 + 10;
        if (layout.totals() == InvoiceLayout.Totals.RIGHT_BOXED) {
            c.stroke(x, y - height + 10, width, height, 0.8f, 0x333333);
        }
        for (String[] r : rows) {
            c.text(regular, 9, x + 6, y, r[0]);
            c.right(regular, 9, x + width - 6, y, r[1]);
            y -= 15;
        }
        if (layout.totals() != InvoiceLayout.Totals.RIGHT) {
            c.fill(x, y - 5, width, 16, 0xE8EAF0);
        } else {
            c.line(x, y + 11, x + width, y + 11, 0.8f, 0x111111);
        }
        c.text(bold, 10, x + 6, y, layout.word("total"));
        c.right(bold, 10, x + width - 6, y, total);
        return y - 24;
    }

    private void terms(Canvas c, float y) {
        if (view.terms() != null) {
            c.text(regular, 8.5f, M, y, String.format(layout.word("terms"), view.terms().code()));
            y -= 12;
        }
        c.text(regular, 8.5f, M, y, layout.word("bank") + ": " + supplier.iban());
    }

    private void footer(Canvas c, int page, int pages) {
        float y = M - 14;
        c.line(M, y + 12, w - M, y + 12, 0.4f, 0xAAAAAA);
        c.text(regular, 6.8f, M, y, Canvas.fit(regular, 6.8f, layout.word("footer"), w - 2 * M - 70), GREY);
        c.text(regular, 6.8f, M, y - 9, supplier.name() + " · " + layout.word("vat") + " " + supplier.vatNumber()
                + " · " + supplier.iban(), GREY);
        c.right(regular, 7.5f, w - M, y, String.format(layout.word("page"), page, pages), GREY);
    }

    /** The net amount printed for {@code value}: shared with tests. */
    static String amount(InvoiceLayout layout, BigDecimal value) {
        return layout.numbers().number(value);
    }
}
