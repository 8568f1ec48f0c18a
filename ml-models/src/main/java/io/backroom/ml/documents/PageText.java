package io.backroom.ml.documents;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The text of a document as positioned words grouped into lines (top to bottom, left to right).
 * Coordinates are PDF points from the top-left of the page; pages are stacked vertically.
 */
final class PageText {
    /** A word with its horizontal extent, baseline and font height. */
    record Word(String text, float x, float xEnd, float y, float height) {
    }

    /** A line of words sharing a baseline. */
    record Line(int index, List<Word> words, float y) {
        String text() {
            return words.stream().map(Word::text).collect(Collectors.joining(" "));
        }

        float x() {
            return words.get(0).x();
        }

        float maxHeight() {
            return (float) words.stream().mapToDouble(Word::height).max().orElse(0);
        }

        /** The line split where words are far apart (separate columns or boxes of the layout). */
        List<Line> cells() {
            List<Line> cells = new ArrayList<>();
            List<Word> current = new ArrayList<>();
            for (Word w : words) {
                if (!current.isEmpty()) {
                    Word last = current.get(current.size() - 1);
                    if (w.x() - last.xEnd() > Math.max(12f, 1.6f * Math.max(w.height(), last.height()))) {
                        cells.add(new Line(index, List.copyOf(current), y));
                        current.clear();
                    }
                }
                current.add(w);
            }
            if (!current.isEmpty()) {
                cells.add(new Line(index, List.copyOf(current), y));
            }
            return cells;
        }
    }

    private final List<Line> lines;

    private PageText(List<Line> lines) {
        this.lines = lines;
    }

    List<Line> lines() {
        return lines;
    }

    /** The whole text, one line per line. */
    String text() {
        return lines.stream().map(Line::text).collect(Collectors.joining("\n"));
    }

    static PageText of(List<Word> words) {
        List<Word> sorted = new ArrayList<>(words);
        sorted.sort(Comparator.comparingDouble(Word::y).thenComparingDouble(Word::x));
        List<List<Word>> groups = new ArrayList<>();
        List<Float> baselines = new ArrayList<>();
        for (Word w : sorted) {
            int last = groups.size() - 1;
            if (last >= 0 && Math.abs(baselines.get(last) - w.y()) <= Math.max(2f, w.height() * 0.4f)) {
                groups.get(last).add(w);
            } else {
                groups.add(new ArrayList<>(List.of(w)));
                baselines.add(w.y());
            }
        }
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            List<Word> g = groups.get(i);
            g.sort(Comparator.comparingDouble(Word::x));
            lines.add(new Line(i, List.copyOf(g), baselines.get(i)));
        }
        return new PageText(List.copyOf(lines));
    }
}
