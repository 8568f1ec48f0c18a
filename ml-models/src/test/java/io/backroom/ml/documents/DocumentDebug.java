package io.backroom.ml.documents;

import java.nio.file.Path;
import org.apache.pdfbox.Loader;

public final class DocumentDebug {
    public static String dump(Path file) throws Exception {
        StringBuilder b = new StringBuilder();
        try (var pdf = Loader.loadPDF(file.toFile())) {
            PageText t = PdfWords.extract(pdf, 3);
            for (PageText.Line l : t.lines()) {
                b.append(String.format("%6.1f h%4.1f |", l.y(), l.maxHeight()));
                for (PageText.Line c : l.cells()) {
                    b.append(String.format(" [%.0f] %s |", c.x(), c.text()));
                }
                b.append('\n');
            }
        }
        return b.toString();
    }
}
