package io.backroom.app.services.gateway;

import io.backroom.api.model.Me;
import io.backroom.api.model.Role;
import io.backroom.app.services.session.UserSession;
import io.backroom.app.tasks.BlockingWorkGuard;
import io.backroom.sdk.BackroomClient;
import io.backroom.sdk.UnauthorizedException;
import java.net.URI;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Signs a person in to the gateway through the SDK and returns their session with an
 * authenticated client. The password is kept in memory only, for the SDK to obtain a fresh token
 * when the old one expires; it is never written anywhere, and {@link SignedIn#close()} wipes it.
 */
public final class SignInService {
    /**
     * The well-known users of the demo retailer the embedded sandbox seeds (sample-data/README.md,
     * "Demo users"), all with the password {@code backroom}.
     */
    public static final List<DemoUser> SANDBOX_USERS = List.of(
            new DemoUser("ap.clerk", "AP clerk", "Works the held-invoice queue; releases up to 10,000 EUR"),
            new DemoUser("ap.supervisor", "AP supervisor", "Releases above the clerk's limit, up to 100,000 EUR"),
            new DemoUser("director", "Director", "Company-wide view; reads the audit log"),
            new DemoUser("lp.analyst", "Loss-prevention analyst", "Audit now; anomalies when that workspace ships"),
            new DemoUser("admin", "Administrator", "Tolerances and users"));
    /** The sandbox's demo password. */
    public static final String SANDBOX_PASSWORD = "backroom";

    private final Supplier<URI> gateway;

    /** @param gateway the gateway's base URL (known once the connection is open) */
    public SignInService(Supplier<URI> gateway) {
        this.gateway = gateway;
    }

    /**
     * Signs {@code username} in. Throws {@link IllegalArgumentException} with a plain sentence when
     * the name or password is wrong; the SDK's I/O errors when the gateway does not answer.
     */
    public SignedIn signIn(String username, char[] password) {
        BlockingWorkGuard.check("Signing in");
        if (username == null || username.isBlank()) {
            throw new IllegalArgumentException("Enter your user name.");
        }
        if (password == null || password.length == 0) {
            throw new IllegalArgumentException("Enter your password.");
        }
        char[] kept = password.clone();
        BackroomClient client = BackroomClient.builder().baseUrl(gateway.get())
                .credentials(username.trim(), kept::clone).build();
        try {
            Me me = client.me();
            Set<Role> roles = EnumSet.noneOf(Role.class);
            roles.addAll(me.user().roles());
            UserSession session = new UserSession(me.user().username(), me.user().displayName(), roles, null);
            return new SignedIn(session, me.user().id(), client, kept,
                    io.backroom.app.services.invoices.DecisionAuthority.of(me));
        } catch (UnauthorizedException e) {
            client.close();
            Arrays.fill(kept, '\0');
            throw new IllegalArgumentException("The user name or password is not right.", e);
        } catch (RuntimeException e) {
            client.close();
            Arrays.fill(kept, '\0');
            throw e;
        }
    }

    /**
     * A sandbox user a person can pick on the sign-in screen.
     *
     * @param username    the login
     * @param displayName the name shown
     * @param description what the role may do
     */
    public record DemoUser(String username, String displayName, String description) {
    }

    /**
     * A signed-in person: their session, their gateway user id and the client that acts as them.
     * Close it on sign-out.
     */
    public static final class SignedIn implements AutoCloseable {
        private final UserSession session;
        private final String userId;
        private final BackroomClient client;
        private final char[] password;
        private final io.backroom.app.services.invoices.DecisionAuthority authority;

        SignedIn(UserSession session, String userId, BackroomClient client, char[] password,
                 io.backroom.app.services.invoices.DecisionAuthority authority) {
            this.session = session;
            this.userId = userId;
            this.client = client;
            this.password = password;
            this.authority = authority;
        }

        /** What the user may decide (permissions and release limit), as the gateway said at sign-in. */
        public io.backroom.app.services.invoices.DecisionAuthority authority() {
            return authority;
        }

        public UserSession session() {
            return session;
        }

        /** The gateway's id of the user (decisions and audit entries carry it). */
        public String userId() {
            return userId;
        }

        public BackroomClient client() {
            return client;
        }

        @Override
        public void close() {
            Arrays.fill(password, '\0');
            client.close();
        }
    }
}
