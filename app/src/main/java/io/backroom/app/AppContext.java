package io.backroom.app;

import io.backroom.app.config.AppConfig;
import io.backroom.app.services.ConnectionStatus;
import io.backroom.app.services.GatewayConnection;
import io.backroom.app.services.audit.AuditLog;
import io.backroom.app.services.audit.AuditReport;
import io.backroom.app.services.outbox.Backoff;
import io.backroom.app.services.outbox.CommandOutbox;
import io.backroom.app.services.outbox.CommandSenders;
import io.backroom.app.services.outbox.DecisionOutbox;
import io.backroom.app.services.outbox.OutboxSender;
import io.backroom.app.services.audit.AuditPusher;
import io.backroom.app.services.audit.AuditSink;
import io.backroom.app.services.gateway.GatewayAuditSink;
import io.backroom.app.services.gateway.GatewaySenderFactory;
import io.backroom.app.services.gateway.SignInService;
import io.backroom.app.services.session.UserSession;
import io.backroom.sdk.BackroomClient;
import io.backroom.sdk.BackroomException;
import java.time.Duration;
import io.backroom.app.services.settings.SettingsStore;
import io.backroom.app.services.store.LocalStore;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything the running console shares: its settings, its local store (settings, audit log,
 * command outbox) and, once opened, its gateway connection and the signed-in user's session. Created before the window, off the
 * UI thread (it opens {@code <home>/console.db}); closed when the application stops.
 */
public final class AppContext implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AppContext.class);

    private volatile AppConfig config;
    private final Clock clock;
    private final LocalStore store;
    private final SettingsStore settings;
    private final AuditLog audit;
    private final CommandOutbox commands;
    private final DecisionOutbox outbox;
    private final CommandSenders senders = new CommandSenders();
    private final AuditReport auditReport;
    private volatile GatewayConnection connection;
    private volatile OutboxSender sender;
    private volatile SignInService.SignedIn signedIn;
    private volatile AuditPusher auditPusher;
    private final io.backroom.app.services.models.LocalModels models = io.backroom.app.services.models.LocalModels.committed();
    private final java.util.Map<String, String> startupSettings;

    public AppContext(AppConfig config) {
        this(config, Clock.systemUTC());
    }

    public AppContext(AppConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.store = LocalStore.open(config.localDatabase(), clock);
        this.settings = new SettingsStore(store);
        this.audit = new AuditLog(store);
        this.commands = new CommandOutbox(store);
        this.outbox = new DecisionOutbox(commands, audit);
        this.auditReport = new AuditReport(audit, clock);
        this.startupSettings = settings.withPrefix("");
    }

    public AppConfig config() {
        return config;
    }

    public Clock clock() {
        return clock;
    }

    public SettingsStore settings() {
        return settings;
    }

    /**
     * The settings as they were when the console started (theme, window bounds, shortcuts), read
     * off the UI thread so the window can be laid out before it shows.
     */
    public java.util.Map<String, String> startupSettings() {
        return startupSettings;
    }

    public AuditLog audit() {
        return audit;
    }

    public AuditReport auditReport() {
        return auditReport;
    }

    /**
     * The signed-in user's invoice decisions in the outbox; every user's while nobody is signed in
     * (what {@code --self-check} reports).
     */
    public DecisionOutbox outbox() {
        return session().map(s -> outbox.forUser(s.username())).orElse(outbox);
    }

    /** The signed-in user's commands of every kind; every user's while nobody is signed in. */
    public CommandOutbox commands() {
        return session().map(s -> commands.forUser(s.username())).orElse(commands);
    }

    /**
     * Registers the sender of one command kind, made for the signed-in user's client (workspaces
     * register the kinds they create). The running sender uses it from its next pass.
     */
    public void registerSender(String kind, GatewaySenderFactory sender) {
        senders.register(kind, sender.create(() -> client().orElse(null)));
        outboxSender().ifPresent(OutboxSender::wake);
    }

    /** The senders registered so far, by command kind. */
    public CommandSenders senders() {
        return senders;
    }

    /** Who is signed in, if anyone. */
    public Optional<UserSession> session() {
        SignInService.SignedIn s = signedIn;
        return s == null ? Optional.empty() : Optional.of(s.session());
    }

    /** The signed-in user's gateway client, if anyone is signed in. */
    public Optional<BackroomClient> client() {
        SignInService.SignedIn s = signedIn;
        return s == null ? Optional.empty() : Optional.of(s.client());
    }

    /** The gateway's address as configured, for messages: the URL, or "the embedded sandbox". */
    public String serverAddress() {
        return config.server().map(java.net.URI::toString).orElse("the embedded sandbox");
    }

    /**
     * Points the console at another remote gateway (the sign-in screen's address field): checks the address, drops the
     * current connection, and connects to the new one on the next call. Nobody may be signed in.
     */
    public synchronized void useServer(String address) {
        if (signedIn != null) {
            throw new IllegalStateException("Sign out before changing the gateway.");
        }
        AppConfig next = config.withServer(address);
        if (connection != null) {
            connection.close();
            connection = null;
        }
        config = next;
    }

    private final java.util.Map<String, String> invoiceLabels = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Invoices in business terms ("RE-2026-25957 · Polderland Brands N.V.") by the gateway's id, as the queue has seen
     * them: the outbox and the audit view name invoices with it.
     */
    public java.util.Map<String, String> invoiceLabels() {
        return invoiceLabels;
    }

    /** What the signed-in user may decide, as the gateway said at sign-in; unknown (the gateway decides) when nobody is. */
    public io.backroom.app.services.invoices.DecisionAuthority authority() {
        SignInService.SignedIn s = signedIn;
        return s == null ? io.backroom.app.services.invoices.DecisionAuthority.unknown() : s.authority();
    }

    /** Whether the console runs its own sandbox gateway (sign-in then offers the demo users). */
    public boolean embedded() {
        return config.server().isEmpty();
    }

    /**
     * Signs {@code username} in (connecting first if needed; signing out whoever was signed in),
     * then starts sending that user's outbox and pushing that user's audit chain as them. Slow: never on
     * the FX thread.
     */
    public synchronized UserSession signIn(String username, char[] password) {
        try {
            connect();
        } catch (io.backroom.sdk.BackroomIoException e) {
            throw new IllegalStateException("Could not reach the gateway at " + serverAddress() + " ("
                    + rootMessage(e) + "). Check the address" + (embedded() ? "" : " below") + " and try again.", e);
        }
        SignInService.SignedIn next = new SignInService(() -> connection.client().baseUrl()).signIn(username, password);
        signOut();
        signedIn = next;
        sender = new OutboxSender(commands.forUser(next.session().username()), senders, Backoff.standard(), clock);
        sender.start();
        auditPusher = new AuditPusher(audit, next.session().username(),
                new GatewayAuditSink(() -> client().orElse(null)));
        auditPusher.start(Duration.ofSeconds(30));
        return next.session();
    }

    /**
     * Ends the session: stops sending (the user's unsent commands wait in the outbox for their next
     * sign-in, never sent with someone else's session), pushes the user's audit chain as them, revokes the token on the gateway
     * ({@code POST /api/v1/auth/logout}), wipes the password and closes the client. If the gateway
     * does not answer, the token is still forgotten here and expires on the server. Returns whether
     * the gateway confirmed the revocation; slow: never on the FX thread.
     */
    public synchronized boolean signOut() {
        SignInService.SignedIn previous = signedIn;
        if (previous == null) {
            return false;
        }
        if (sender != null) {
            sender.close();
            sender = null;
        }
        if (auditPusher != null) {
            auditPusher.close();
            auditPusher = null;
        }
        signedIn = null;
        try {
            // What the user did is pushed as the user, before their session ends.
            audit.pushPending(previous.session().username(), new GatewayAuditSink(previous::client), 200);
        } catch (AuditSink.PushFailedException | BackroomException e) {
            LOG.info("Signing out: the audit log is pushed later ({})", e.getMessage());
        }
        boolean revoked = false;
        try {
            previous.client().auth().logout();
            revoked = true;
        } catch (BackroomException e) {
            LOG.warn("Signing out: the gateway did not confirm the token's revocation ({}); it expires on its own",
                    e.getClass().getSimpleName());
        } finally {
            previous.close();
        }
        LOG.info("Signed out {}", previous.session().username());
        return revoked;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
    }

    public io.backroom.app.services.models.LocalModels models() {
        return models;
    }

    /** Opens the gateway connection if needed and checks its health. Slow: never on the FX thread. */
    public synchronized ConnectionStatus connect() {
        if (connection == null) {
            connection = GatewayConnection.open(config);
        }
        return connection.check();
    }

    /** The running outbox sender, once started. */
    public Optional<OutboxSender> outboxSender() {
        return Optional.ofNullable(sender);
    }

    @Override
    public synchronized void close() {
        if (auditPusher != null) {
            auditPusher.close();
            auditPusher = null;
        }
        if (signedIn != null) {
            signedIn.close();
            signedIn = null;
        }
        if (sender != null) {
            sender.close();
            sender = null;
        }
        if (connection != null) {
            connection.close();
            connection = null;
        }
        store.close();
    }
}
