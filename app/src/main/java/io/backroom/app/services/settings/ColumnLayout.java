package io.backroom.app.services.settings;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How a person arranged a table: its columns in their order, each with its width and whether it is shown. Stored as
 * one line of text ({@code id:width:shown;...}); a line that cannot be read is ignored rather than trusted.
 *
 * @param columns the columns, left to right
 */
public record ColumnLayout(List<Column> columns) {
    private static final double MIN_WIDTH = 20;
    private static final double MAX_WIDTH = 2000;

    public ColumnLayout {
        columns = List.copyOf(columns);
    }

    /**
     * One column.
     *
     * @param id    the column's stable id
     * @param width its width in pixels
     * @param shown whether it is visible
     */
    public record Column(String id, double width, boolean shown) {
    }

    /** The settings key of the table {@code table}. */
    public static String key(String table) {
        return "ui.columns." + table;
    }

    /** The layout as one line of text. */
    public String encode() {
        StringBuilder out = new StringBuilder();
        for (Column c : columns) {
            if (!out.isEmpty()) {
                out.append(';');
            }
            out.append(c.id()).append(':').append(Math.round(c.width())).append(':').append(c.shown() ? 1 : 0);
        }
        return out.toString();
    }

    /** Reads {@link #encode()}'s text; empty when it is missing or malformed (an edited or older settings file). */
    public static Optional<ColumnLayout> decode(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        List<Column> out = new ArrayList<>();
        for (String part : text.split(";")) {
            String[] f = part.split(":");
            if (f.length != 3 || f[0].isBlank() || !(f[2].equals("0") || f[2].equals("1"))) {
                return Optional.empty();
            }
            double width;
            try {
                width = Double.parseDouble(f[1]);
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
            if (!(width >= MIN_WIDTH && width <= MAX_WIDTH)) {
                return Optional.empty();
            }
            out.add(new Column(f[0], width, f[2].equals("1")));
        }
        return Optional.of(new ColumnLayout(out));
    }
}
