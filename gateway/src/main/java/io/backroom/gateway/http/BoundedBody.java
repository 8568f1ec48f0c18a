package io.backroom.gateway.http;

import io.backroom.gateway.core.Problem;
import io.backroom.api.ProblemTypes;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a request body while counting: at most {@code max} bytes are ever read, whatever the framing (a declared
 * length or chunks), and a body that goes past the limit is refused with a 413 problem as soon as it does, before the
 * rest is read. A body that cannot be read (broken chunk framing, the client went away) is a 400 problem. The bytes
 * are kept on the request, so every reader of the body sees the same ones.
 */
final class BoundedBody {
    private static final String ATTRIBUTE = "backroom.body";

    private BoundedBody() {
    }

    static byte[] bytes(Context ctx, int max) {
        byte[] cached = ctx.attribute(ATTRIBUTE);
        if (cached != null) {
            return cached;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        try {
            InputStream in = ctx.req().getInputStream();
            byte[] buffer = new byte[16 * 1024];
            long total = 0;
            int n;
            while ((n = in.read(buffer)) >= 0) {
                total += n;
                if (total > max) {
                    // the rest is not read: the connection is closed after the answer
                    ctx.header("Connection", "close");
                    throw Problem.tooLarge("The body is larger than " + max + " bytes, the most this route accepts.");
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException | IllegalStateException e) {
            throw new Problem(400, ProblemTypes.MALFORMED_JSON, "Unreadable body", "The request body could not be read "
                    + "(broken chunked framing or an interrupted upload).");
        } catch (RuntimeException e) {
            if (e instanceof Problem p) {
                throw p;
            }
            // Jetty reports bad framing as an unchecked BadMessageException
            throw new Problem(400, ProblemTypes.MALFORMED_JSON, "Unreadable body", "The request body could not be read "
                    + "(broken chunked framing or an interrupted upload).");
        }
        byte[] body = out.toByteArray();
        ctx.attribute(ATTRIBUTE, body);
        return body;
    }
}
