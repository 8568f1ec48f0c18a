package io.backroom.sdk;

import java.io.Serializable;
import java.util.Map;
import java.util.Optional;

/**
 * The RFC 9457 problem document of an error answer. Branch on {@link #type()}, which is stable per
 * kind of error; {@link #detail()} is for people.
 *
 * @param type       the problem type URI, for example {@code https://backroom.io/problems/not-found};
 *                   {@code about:blank} when the gateway sent no problem document
 * @param title      short summary of the kind of problem
 * @param detail     explanation of this occurrence, or {@code null}
 * @param instance   the path the problem occurred on, or {@code null}
 * @param requestId  the request id the gateway logged the problem under, or {@code null}
 * @param extensions any other members of the document (for example {@code currentVersion}), unmodifiable
 */
public record ProblemDetails(String type, String title, String detail, String instance, String requestId,
                             Map<String, Object> extensions) implements Serializable {
    /** The problem type used when the answer carried no problem document. */
    public static final String BLANK_TYPE = "about:blank";

    /** Fills in the blank type and title and copies the extensions. */
    public ProblemDetails {
        type = type == null ? BLANK_TYPE : type;
        title = title == null ? "" : title;
        extensions = extensions == null ? Map.of() : Map.copyOf(extensions);
    }

    /** An extension member as text, if present and not null. */
    public Optional<String> extension(String name) {
        Object value = extensions.get(name);
        return value == null ? Optional.empty() : Optional.of(String.valueOf(value));
    }
}
