package io.backroom.app.services.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backroom.api.model.DecisionRequest;
import io.backroom.api.model.DecisionType;
import io.backroom.api.model.Invoice;
import io.backroom.api.model.InvoiceStatus;
import io.backroom.app.services.audit.AuditLog;
import io.backroom.app.services.outbox.Backoff;
import io.backroom.app.services.outbox.Decision;
import io.backroom.app.services.outbox.DecisionAction;
import io.backroom.app.services.outbox.DecisionOutbox;
import io.backroom.app.services.outbox.OutboxItem;
import io.backroom.app.services.outbox.OutboxSender;
import io.backroom.app.services.outbox.OutboxState;
import io.backroom.api.model.Role;
import io.backroom.app.services.store.LocalStore;
import io.backroom.app.testing.SandboxFixture;
import io.backroom.sdk.BackroomClient;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The outbox, the audit push and sign-in against the real gateway over HTTP on loopback. */
class GatewayIntegrationTest {
    @TempDir
    static Path dir;

    private static SandboxFixture sandbox;

    @BeforeAll
    static void start() {
        sandbox = new SandboxFixture(dir);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void signsInAsASandboxUserAndRefusesAWrongPassword() {
        SignInService service = new SignInService(() -> URI.create(sandbox.baseUrl()));
        try (SignInService.SignedIn clerk = service.signIn("clerk", "backroom".toCharArray())) {
            assertThat(clerk.session().roles()).containsExactly(Role.AP_CLERK);
            assertThat(clerk.session().displayName()).isEqualTo("Demo AP clerk");
            assertThat(clerk.session().toString()).doesNotContain("backroom");
        }
        assertThatThrownBy(() -> service.signIn("clerk", "wrong".toCharArray()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("The user name or password is not right.");
    }

    @Test
    void deliversQueuedDecisionsExactlyOnceAndSurfacesAStaleVersionAsAConflict() throws Exception {
        List<String> ids = sandbox.heldInvoices("OB", 3);
        try (LocalStore store = LocalStore.open(dir.resolve("console.db"), Clock.systemUTC());
             BackroomClient clerk = sandbox.client("clerk")) {
            DecisionOutbox outbox = new DecisionOutbox(store, new AuditLog(store));
            GatewayDecisionSender sender = new GatewayDecisionSender(() -> clerk);
            Invoice first = clerk.invoices().get(ids.get(0));
            Invoice second = clerk.invoices().get(ids.get(1));
            assertThat(first.status()).isEqualTo(InvoiceStatus.ON_HOLD);

            OutboxItem release = outbox.enqueue(new Decision(first.id(), first.version(), DecisionAction.RELEASE, null,
                    null, "clerk", null));
            // Someone else holds the second invoice first: the clerk's decision on the old version must not apply.
            try (BackroomClient supervisor = sandbox.client("supervisor")) {
                supervisor.invoices().decide(second.id(), second.version(),
                        new DecisionRequest(DecisionType.HOLD, null, "waiting for the buyer", null));
            }
            OutboxItem stale = outbox.enqueue(new Decision(second.id(), second.version(), DecisionAction.RELEASE, null,
                    null, "clerk", null));

            try (OutboxSender drainer = new OutboxSender(outbox, sender, Backoff.standard(), Clock.systemUTC())) {
                drainer.drainDue();
                // A replay with the same key (as after a crash mid-send) is not applied twice.
                assertThat(sender.send(outbox.get(release.id()).orElseThrow()))
                        .isInstanceOf(io.backroom.app.services.outbox.SendOutcome.Applied.class);
            }
            assertThat(outbox.get(release.id()).orElseThrow().state()).isEqualTo(OutboxState.DONE);
            Invoice released = clerk.invoices().get(first.id());
            assertThat(released.status()).isEqualTo(InvoiceStatus.RELEASED);
            assertThat(released.history().stream().filter(h -> h.action().equals("DECISION:RELEASE"))).hasSize(1);

            OutboxItem conflict = outbox.get(stale.id()).orElseThrow();
            assertThat(conflict.state()).isEqualTo(OutboxState.CONFLICT);
            assertThat(conflict.lastError()).startsWith("Someone changed this invoice first");
        }
    }

    @Test
    void pushesTheAuditChainToTheGatewayWhichChecksIt() throws Exception {
        try (LocalStore store = LocalStore.open(dir.resolve("audit.db"), Clock.systemUTC());
             BackroomClient clerk = sandbox.client("clerk")) {
            AuditLog log = new AuditLog(store);
            for (int i = 0; i < 5; i++) {
                log.record(new io.backroom.app.services.audit.DecisionTaken("clerk", java.time.Instant.now(), "INV-" + i,
                        "RELEASE", null, "RELEASE", "k" + i));
            }
            assertThat(log.pushPending(new GatewayAuditSink(() -> clerk), 2)).isEqualTo(5);
            assertThat(log.pushedUpTo()).isEqualTo(5);
            try (BackroomClient admin = sandbox.client("admin")) {
                assertThat(admin.audit().list(io.backroom.sdk.AuditEventListParams.builder().build()).autoPager().stream()
                        .filter(e -> log.source().equals(e.source()))).hasSize(5);
            }
        }
    }
}
