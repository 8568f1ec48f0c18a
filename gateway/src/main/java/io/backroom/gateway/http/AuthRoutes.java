package io.backroom.gateway.http;

import static io.backroom.gateway.http.ApiRoutes.principal;

import io.backroom.api.model.Me;
import io.backroom.api.model.TokenRequest;
import io.backroom.gateway.auth.Permission;
import io.backroom.gateway.auth.Principal;
import io.backroom.api.ProblemTypes;
import io.backroom.gateway.core.Problem;
import io.backroom.gateway.core.Violations;
import io.javalin.http.Context;

/** Sign-in, sign-out and who the caller is. */
final class AuthRoutes implements DomainRoutes {
    private final ApiRoutes http;
    private final Tokens tokens;
    /** Backoff on failed sign-ins per user name and per address ({@link io.backroom.gateway.auth.SignInThrottle}). */
    private final io.backroom.gateway.auth.SignInThrottle signIns = new io.backroom.gateway.auth.SignInThrottle();

    AuthRoutes(ApiRoutes http, Tokens tokens) {
        this.http = http;
        this.tokens = tokens;
    }

    @Override
    public void declare(RouteTable open, RouteTable api) {
        open.post("/api/v1/auth/token", this::token);
        api.post("/api/v1/auth/logout", ctx -> {
            tokens.revoke(principal(ctx));
            ctx.status(204);
        });
        api.get("/api/v1/me", ctx -> {
            Principal p = principal(ctx);
            ctx.json(new Me(p.user(), Permission.keysFor(p.user().roles()), p.expiresAt()));
        });
    }

    private void token(Context ctx) {
        TokenRequest req = http.body(ctx, TokenRequest.class);
        Violations v = new Violations();
        v.required("username", req.username());
        v.required("password", req.password());
        v.maxLength("username", req.username(), 200);
        v.maxLength("password", req.password(), 1024);
        v.throwIfAny();
        long locked = signIns.waitSeconds(req.username(), ctx.ip());
        if (locked > 0) {
            throw new Problem(429, ProblemTypes.RATE_LIMITED, "Too many failed sign-ins", "Too many failed sign-ins "
                    + "for this user name or from this address; try again in " + locked + " s.", java.util.List.of(),
                    java.util.Map.of("Retry-After", Long.toString(locked)));
        }
        io.backroom.api.model.Token token;
        try {
            token = tokens.issue(req.username(), req.password());
        } catch (Problem p) {
            if (p.status() == 401) {
                signIns.failed(req.username(), ctx.ip());
            }
            throw p;
        }
        signIns.succeeded(req.username());
        ctx.json(token);
    }
}
