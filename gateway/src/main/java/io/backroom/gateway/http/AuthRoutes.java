package io.backroom.gateway.http;

import static io.backroom.gateway.http.ApiRoutes.principal;

import io.backroom.api.model.Me;
import io.backroom.api.model.TokenRequest;
import io.backroom.gateway.auth.Permission;
import io.backroom.gateway.auth.Principal;
import io.backroom.gateway.core.Violations;
import io.javalin.http.Context;

/** Sign-in, sign-out and who the caller is. */
final class AuthRoutes implements DomainRoutes {
    private final ApiRoutes http;
    private final Tokens tokens;

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
        v.throwIfAny();
        ctx.json(tokens.issue(req.username(), req.password()));
    }
}
