package io.backroom.gateway.logging;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes credentials from text about to be logged: {@code Authorization} (and {@code Proxy-Authorization}) header
 * values, bearer tokens wherever they appear, and password/token fields of JSON, forms and query strings. Applied by
 * the gateway's log layout to every message and stack trace at every level ({@link RedactingMessageConverter}), as a
 * second layer under the rule that the gateway never passes a credential to a logger.
 */
public final class Redaction {
    public static final String MASK = "[REDACTED]";

    private record Rule(Pattern pattern, String replacement) {
    }

    private static final List<Rule> RULES = List.of(
            new Rule(Pattern.compile("(?i)\\b((?:proxy-)?authorization\\b\"?\\s*[:=]\\s*\"?)[^\\r\\n\",;]*"), "$1" + MASK),
            new Rule(Pattern.compile("(?i)\\b(bearer|basic)(\\s+|%20)[A-Za-z0-9._~+/=%-]{4,}"), "$1 " + MASK),
            new Rule(Pattern.compile("(?i)(\"(?:password|newPassword|currentPassword|accessToken|access_token|refreshToken"
                    + "|refresh_token|token|secret|apiKey|api_key)\"\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*\""), "$1\"" + MASK + "\""),
            new Rule(Pattern.compile("(?i)\\b((?:password|passwd|pwd|access_token|accessToken|token|secret|api_key)=)[^&\\s\"',;]+"),
                    "$1" + MASK));

    private Redaction() {
    }

    /** {@code text} with every credential replaced by {@link #MASK}. */
    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        for (Rule r : RULES) {
            Matcher m = r.pattern().matcher(out);
            if (m.find()) {
                out = m.replaceAll(r.replacement());
            }
        }
        return out;
    }
}
