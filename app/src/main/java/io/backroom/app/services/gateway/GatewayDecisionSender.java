package io.backroom.app.services.gateway;

import io.backroom.api.model.DecisionRequest;
import io.backroom.api.model.DecisionResult;
import io.backroom.api.model.DecisionType;
import io.backroom.app.services.outbox.Decision;
import io.backroom.app.services.outbox.DecisionAction;
import io.backroom.app.services.outbox.DecisionSender;
import io.backroom.app.services.outbox.OutboxItem;
import io.backroom.app.services.outbox.SendOutcome;
import io.backroom.sdk.BackroomClient;
import io.backroom.sdk.BackroomIoException;
import io.backroom.sdk.BackroomServiceException;
import io.backroom.sdk.PreconditionFailedException;
import io.backroom.sdk.RateLimitedException;
import io.backroom.sdk.RequestOptions;
import io.backroom.sdk.ServerErrorException;
import io.backroom.sdk.UnauthorizedException;
import java.util.function.Supplier;

/**
 * Delivers outbox decisions with {@code POST /api/v1/invoices/{id}/decisions} through the SDK,
 * with the item's idempotency key and the version the person saw as {@code If-Match}. Every
 * failure becomes a {@link SendOutcome}: a stale version a conflict, a refusal a failure, and a
 * network problem, 429 or 5xx a later retry.
 */
public final class GatewayDecisionSender implements DecisionSender {
    /** Registered by the invoices workspace for {@link io.backroom.app.services.outbox.InvoiceDecisions#KIND}. */
    public static final GatewaySenderFactory FACTORY = GatewayDecisionSender::new;

    private final Supplier<BackroomClient> client;

    /** @param client the signed-in user's client (the decision is taken in their name) */
    public GatewayDecisionSender(Supplier<BackroomClient> client) {
        this.client = client;
    }

    @Override
    public SendOutcome send(OutboxItem item) {
        Decision d = item.decision();
        BackroomClient c = client.get();
        if (c == null) {
            return new SendOutcome.RetryLater("nobody is signed in to the gateway", null);
        }
        RequestOptions options = RequestOptions.builder().idempotencyKey(item.idempotencyKey()).build();
        try {
            long version = d.expectedVersion() != null ? d.expectedVersion() : c.invoices().get(d.invoiceId()).version();
            DecisionResult result = c.invoices().decide(d.invoiceId(), version, request(d), options);
            return new SendOutcome.Applied(result.invoice().version());
        } catch (PreconditionFailedException e) {
            Long current = e.currentVersion().map(GatewayDecisionSender::parseVersion).orElse(null);
            return new SendOutcome.Conflict(current, e.detail());
        } catch (RateLimitedException e) {
            return new SendOutcome.RetryLater("the gateway is busy", e.retryAfter().orElse(null));
        } catch (ServerErrorException e) {
            return new SendOutcome.RetryLater("the gateway failed (" + e.status() + ")", null);
        } catch (UnauthorizedException e) {
            return new SendOutcome.RetryLater("the session ended; sign in again", null);
        } catch (BackroomServiceException e) {
            return new SendOutcome.Rejected(e.detail() != null ? e.detail() : e.getMessage());
        } catch (BackroomIoException e) {
            return new SendOutcome.RetryLater("the gateway does not answer", null);
        }
    }

    static DecisionRequest request(Decision d) {
        DecisionType type = DecisionType.valueOf(d.action().name());
        String reason = d.action() == DecisionAction.REJECT ? d.reason() : null;
        String note = d.action() == DecisionAction.REJECT ? null : d.reason();
        return new DecisionRequest(type, reason, note, d.assignee());
    }

    private static Long parseVersion(String etag) {
        String digits = etag.replaceAll("[^0-9]", "");
        return digits.isEmpty() ? null : Long.valueOf(digits);
    }
}
