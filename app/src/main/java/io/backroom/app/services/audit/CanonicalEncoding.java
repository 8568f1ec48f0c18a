package io.backroom.app.services.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The one byte-exact encoding the audit chain hashes: a flat JSON object of string values, keys
 * sorted by UTF-16 code unit (as {@link String#compareTo}), no white space, and only {@code "}
 * {@code \} and control characters escaped ({@code \n \r \t} by name, the rest as a backslash, "u" and four lower-case hex digits).
 * Anyone can recompute an entry's hash from these rules and SHA-256 alone.
 */
public final class CanonicalEncoding {
    private static final HexFormat HEX = HexFormat.of();

    private CanonicalEncoding() {
    }

    /** Encodes {@code fields} canonically; {@code null} values are left out. */
    public static String encode(Map<String, String> fields) {
        SortedMap<String, String> sorted = new TreeMap<>();
        fields.forEach((k, v) -> {
            if (v != null) {
                sorted.put(k, v);
            }
        });
        StringBuilder out = new StringBuilder(64 + sorted.size() * 32).append('{');
        boolean first = true;
        for (Map.Entry<String, String> e : sorted.entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            quote(out, e.getKey());
            out.append(':');
            quote(out, e.getValue());
        }
        return out.append('}').toString();
    }

    /** Reads back what {@link #encode} wrote; bad input gets an {@link IllegalArgumentException} naming its offset. */
    public static SortedMap<String, String> decode(String text) {
        Parser p = new Parser(text);
        SortedMap<String, String> out = new TreeMap<>();
        p.expect('{');
        if (p.peek() == '}') {
            p.pos++;
        } else {
            do {
                String key = p.string();
                p.expect(':');
                out.put(key, p.string());
            } while (p.comma());
            p.expect('}');
        }
        if (p.pos != text.length()) {
            throw new IllegalArgumentException("Unexpected text after the object at offset " + p.pos);
        }
        return out;
    }

    /** Lower-case hex SHA-256 of the UTF-8 bytes of {@code text}. */
    public static String sha256(String text) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static void quote(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static final class Parser {
        private final String text;
        private int pos;

        Parser(String text) {
            this.text = text;
        }

        char peek() {
            if (pos >= text.length()) {
                throw new IllegalArgumentException("Unexpected end of the audit payload at offset " + pos);
            }
            return text.charAt(pos);
        }

        void expect(char c) {
            if (peek() != c) {
                throw new IllegalArgumentException("Expected '" + c + "' at offset " + pos + " of the audit payload");
            }
            pos++;
        }

        boolean comma() {
            if (peek() == ',') {
                pos++;
                return true;
            }
            return false;
        }

        String string() {
            expect('"');
            StringBuilder out = new StringBuilder();
            while (true) {
                char c = peek();
                pos++;
                if (c == '"') {
                    return out.toString();
                }
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                char e = peek();
                pos++;
                switch (e) {
                    case '"' -> out.append('"');
                    case '\\' -> out.append('\\');
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'u' -> {
                        if (pos + 4 > text.length()) {
                            throw new IllegalArgumentException("Truncated unicode escape at offset " + pos);
                        }
                        out.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                        pos += 4;
                    }
                    default -> throw new IllegalArgumentException("Unknown escape \\" + e + " at offset " + (pos - 1));
                }
            }
        }
    }
}
