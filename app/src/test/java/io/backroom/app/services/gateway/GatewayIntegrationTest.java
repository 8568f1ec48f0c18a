package io.backroom.app.services.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backroom.api.AuditChain;
import io.backroom.api.model.AuditEvent;
import io.backroom.api.model.DecisionRequest;
import io.backroom.api.model.NewAuditEvent;
import io.backroom.app.AppContext;
import io.backroom.app.config.AppConfig;
import io.backroom.app.services.audit.DecisionTaken;
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
import java.time.Instant;
import java.util.List;
import java.util.Map;
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
            assertThat(log.pushPending("clerk", new GatewayAuditSink(() -> clerk), 2)).isEqualTo(5);
            assertThat(log.pushedUpTo("clerk")).isEqualTo(5);
            try (BackroomClient admin = sandbox.client("admin")) {
                assertThat(admin.audit().list(io.backroom.sdk.AuditEventListParams.builder().build()).autoPager().stream()
                        .filter(e -> log.source("clerk").equals(e.source()))).hasSize(5);
            }
        }
    }

    @Test
    void eachUserSignedInOnOneConsoleGetsTheirEntriesToTheGatewayOnTheirOwnChain(@TempDir Path home) throws Exception {
        AuditLog log;
        try (AppContext context = new AppContext(AppConfig.resolve(
                List.of("--home", home.toString(), "--server", sandbox.baseUrl()), Map.of(), home))) {
            log = context.audit();
            context.signIn("clerk", "backroom".toCharArray());
            for (int i = 0; i < 3; i++) {
                log.record(new DecisionTaken("clerk", Instant.now(), "INV-C" + i, "RELEASE", null, null, "c" + i));
            }
            context.signOut();
            context.signIn("supervisor", "backroom".toCharArray());
            for (int i = 0; i < 2; i++) {
                log.record(new DecisionTaken("supervisor", Instant.now(), "INV-S" + i, "HOLD", "waiting", null, "s" + i));
            }
            context.signOut();

            assertThat(log.pushedUpTo("clerk")).isEqualTo(3);
            assertThat(log.pushedUpTo("supervisor")).isEqualTo(2);
            assertThat(log.verify().intact()).isTrue();
            assertThat(log.findInOrder(io.backroom.app.services.audit.AuditQuery.all()))
                    .extracting(io.backroom.app.services.audit.AuditEntry::actor)
                    .containsExactly("clerk", "clerk", "clerk", "supervisor", "supervisor");

            try (BackroomClient admin = sandbox.client("admin")) {
                List<AuditEvent> events = admin.audit().list(io.backroom.sdk.AuditEventListParams.builder().build())
                        .autoPager().stream().toList();
                assertThat(log.source("clerk")).isNotEqualTo(log.source("supervisor"));
                assertVerifiedChain(events, log.source("clerk"), "clerk", 3);
                assertVerifiedChain(events, log.source("supervisor"), "supervisor", 2);
            }
        }
    }

    /** The gateway holds {@code count} events of {@code actor} under {@code source}, a whole chain from the genesis. */
    private static void assertVerifiedChain(List<AuditEvent> events, String source, String actor, int count) {
        List<AuditEvent> chain = events.stream().filter(e -> source.equals(e.source()))
                .sorted(java.util.Comparator.comparingLong(AuditEvent::sequence)).toList();
        assertThat(chain).hasSize(count).allSatisfy(e -> assertThat(e.actor()).isEqualTo(actor));
        String prev = AuditChain.GENESIS;
        for (int i = 0; i < chain.size(); i++) {
            AuditEvent e = chain.get(i);
            assertThat(e.sequence()).isEqualTo(i + 1);
            assertThat(e.prevHash()).isEqualTo(prev);
            assertThat(AuditChain.hash(source, new NewAuditEvent(e.sequence(), e.occurredAt(), e.actor(), e.action(),
                    e.subjectType(), e.subjectId(), e.payload(), e.prevHash(), e.hash()))).isEqualTo(e.hash());
            prev = e.hash();
        }
    }
}
