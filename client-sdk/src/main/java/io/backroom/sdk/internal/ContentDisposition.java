package io.backroom.sdk.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the file name out of a {@code Content-Disposition} header. */
final class ContentDisposition {
    private static final Pattern FILE_NAME = Pattern.compile("filename\\s*=\\s*(\"([^\"]*)\"|([^;\\s]+))", Pattern.CASE_INSENSITIVE);

    private ContentDisposition() {
    }

    /** The {@code filename} parameter, or {@code null}; path separators are dropped. */
    static String fileName(String header) {
        if (header == null) {
            return null;
        }
        Matcher m = FILE_NAME.matcher(header);
        if (!m.find()) {
            return null;
        }
        String name = m.group(2) != null ? m.group(2) : m.group(3);
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        return name.isBlank() ? null : name;
    }
}
