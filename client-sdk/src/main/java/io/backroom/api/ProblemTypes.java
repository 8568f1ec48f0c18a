package io.backroom.api;

/**
 * The stable {@code type} of every problem the Ops API answers with, as the last segment of
 * {@code https://backroom.io/problems/<slug>}. Clients branch on these, never on {@code detail}.
 */
public final class ProblemTypes {
    /** Prefix of every problem type. */
    public static final String BASE = "https://backroom.io/problems/";

    public static final String BAD_REQUEST = "bad-request";
    public static final String MALFORMED_JSON = "malformed-json";
    public static final String VALIDATION = "validation";
    public static final String UNAUTHORIZED = "unauthorized";
    public static final String FORBIDDEN = "forbidden";
    public static final String NOT_FOUND = "not-found";
    public static final String CONFLICT = "conflict";
    public static final String INVALID_TRANSITION = "invalid-transition";
    public static final String PRECONDITION_FAILED = "precondition-failed";
    public static final String PRECONDITION_REQUIRED = "precondition-required";
    public static final String PAYLOAD_TOO_LARGE = "payload-too-large";
    public static final String UNSUPPORTED_MEDIA_TYPE = "unsupported-media-type";
    public static final String IDEMPOTENCY_KEY_REUSED = "idempotency-key-reused";
    public static final String AUDIT_CHAIN_BROKEN = "audit-chain-broken";
    public static final String RATE_LIMITED = "rate-limited";
    public static final String INTERNAL = "internal";
    public static final String ERP_UNAVAILABLE = "erp-unavailable";

    private ProblemTypes() {
    }

    /** The full type URI of a slug. */
    public static String uri(String slug) {
        return BASE + slug;
    }
}
