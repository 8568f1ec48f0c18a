package io.backroom.sampledata.pdf;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One supplier invoice layout: its words, number and date formats, fonts, page and the arrangement of its blocks.
 * Layouts differ in all of these so that a document reader must learn labels and positions, not one template.
 */
record InvoiceLayout(String id, String language, boolean letter, NumberStyle numbers, String datePattern,
        Locale dateLocale, Fonts.Face regular, Fonts.Face bold, Fonts.Face tableFace, int accent, Header header,
        Meta meta, Table table, Totals totals, List<Column> columns, Map<String, String> words, int rowsFirstPage,
        int rowsNextPage) {

    /** How the top of the first page is arranged. */
    enum Header {
        LOGO_LEFT_TITLE_RIGHT, BANNER, CENTERED_TITLE_LOGO_RIGHT, TITLE_LEFT_LOGO_RIGHT, WINDOW_ENVELOPE,
        CENTERED_BANNER, BIG_TITLE_LEFT
    }

    /** Where the document facts (number, dates, PO) go. */
    enum Meta {
        BOX_RIGHT, STRIP, LEFT_LIST, RIGHT_COLUMN, TWO_COLUMN_TABLE, BOX_LEFT
    }

    /** How line items are drawn. */
    enum Table {
        GRID, ZEBRA, RULES
    }

    /** Where the totals go. */
    enum Totals {
        RIGHT, RIGHT_BOXED, LEFT
    }

    /** Column kinds of the line table. */
    enum Kind {
        POS, CODE, DESCRIPTION, QTY, UNIT, UNIT_PRICE, AMOUNT, TAX_RATE
    }

    /** A table column: kind, header word, share of the table width. */
    record Column(Kind kind, String header, float width) {
    }

    String word(String key) {
        String w = words.get(key);
        if (w == null) {
            throw new IllegalStateException("Layout " + id + " has no word for " + key);
        }
        return w;
    }

    String date(LocalDate date) {
        return Dates.format(date, datePattern, language);
    }
}
