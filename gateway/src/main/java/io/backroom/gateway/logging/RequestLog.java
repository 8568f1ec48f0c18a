package io.backroom.gateway.logging;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One DEBUG line per API request (method, path, request id) and, at TRACE, its headers, credentials redacted
 * before they reach the logger ({@link Redaction}). Bodies are never logged.
 */
public final class RequestLog {
    private static final Logger LOG = LoggerFactory.getLogger(RequestLog.class);

    private RequestLog() {
    }

    public static void log(Context ctx) {
        if (!LOG.isDebugEnabled()) {
            return;
        }
        if (LOG.isTraceEnabled()) {
            List<String> headers = new ArrayList<>();
            for (String name : ctx.headerMap().keySet()) {
                headers.add(name + ": " + ctx.header(name));
            }
            LOG.trace("{} {} headers [{}]", ctx.method(), ctx.path(), Redaction.redact(String.join("; ", headers)));
        } else {
            LOG.debug("{} {}", ctx.method(), ctx.path());
        }
    }
}
