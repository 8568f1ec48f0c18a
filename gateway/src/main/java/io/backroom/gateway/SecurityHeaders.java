package io.backroom.gateway;

import io.javalin.http.Context;

/**
 * Headers every answer carries: nothing is cached (tokens, invoices and documents are private to the signed-in
 * user; {@code no-store} on every answer, token responses included), the content type is never sniffed, and nothing
 * the API serves may be framed or run as a page.
 */
final class SecurityHeaders {
    private SecurityHeaders() {
    }

    static void apply(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        ctx.header("Pragma", "no-cache");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'; sandbox");
    }
}
