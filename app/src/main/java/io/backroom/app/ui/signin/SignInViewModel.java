package io.backroom.app.ui.signin;

import io.backroom.app.services.UserMessages;
import io.backroom.app.services.gateway.SignInService;
import io.backroom.app.services.session.UserSession;
import io.backroom.app.tasks.TaskExecutor;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sign-in: on the embedded sandbox, pick a demo user; on a real gateway, a user name and password.
 * The password lives in this view model only until the attempt starts. Testable without a toolkit.
 */
public final class SignInViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(SignInViewModel.class);

    private final TaskExecutor executor;
    private final BiFunction<String, char[], UserSession> signIn;
    private final Consumer<UserSession> onSignedIn;
    private final boolean sandbox;
    private final ObservableList<SignInService.DemoUser> demoUsers = FXCollections.observableArrayList();
    private final StringProperty username = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final StringProperty server = new SimpleStringProperty("");
    private String serverInUse = "";
    private Consumer<String> changeServer;

    /**
     * @param sandbox    whether the console runs the embedded sandbox (demo users are offered)
     * @param signIn     signs in and returns the session (slow; runs in the background)
     * @param onSignedIn receives the session on the UI thread
     */
    public SignInViewModel(TaskExecutor executor, boolean sandbox, BiFunction<String, char[], UserSession> signIn,
                           Consumer<UserSession> onSignedIn) {
        this.executor = executor;
        this.sandbox = sandbox;
        this.signIn = signIn;
        this.onSignedIn = onSignedIn;
        if (sandbox) {
            demoUsers.setAll(SignInService.SANDBOX_USERS);
        }
    }

    /**
     * For a remote gateway: shows {@code current} in an editable address field; a changed address is handed to
     * {@code change} (slow; in the background, before signing in) and may throw with a sentence saying what is wrong.
     */
    public void useServer(String current, Consumer<String> change) {
        serverInUse = current;
        server.set(current);
        changeServer = change;
    }

    /** Whether the sign-in offers the gateway's address to change. */
    public boolean serverEditable() {
        return changeServer != null;
    }

    public StringProperty serverProperty() {
        return server;
    }

    public boolean sandbox() {
        return sandbox;
    }

    public ObservableList<SignInService.DemoUser> demoUsers() {
        return demoUsers;
    }

    public StringProperty usernameProperty() {
        return username;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    // Commands

    /** Signs in as a sandbox demo user. */
    public void signInAs(SignInService.DemoUser user) {
        username.set(user.username());
        password.set(SignInService.SANDBOX_PASSWORD);
        signIn();
    }

    /** Signs in with the user name and password entered. */
    public void signIn() {
        if (busy.get()) {
            return;
        }
        String name = username.get() == null ? "" : username.get().trim();
        char[] secret = password.get() == null ? new char[0] : password.get().toCharArray();
        password.set("");
        if (name.isEmpty()) {
            error.set("Enter your user name.");
            return;
        }
        if (secret.length == 0) {
            error.set("Enter your password.");
            return;
        }
        busy.set(true);
        error.set("");
        long started = System.nanoTime();
        String address = server.get() == null ? "" : server.get().strip();
        boolean moved = changeServer != null && !address.equals(serverInUse);
        Consumer<String> change = changeServer;
        executor.submit(() -> {
            if (moved) {
                change.accept(address);
            }
            return signIn.apply(name, secret);
        }, session -> {
            busy.set(false);
            LOG.info("Signed in as {} in {} ms", name, (System.nanoTime() - started) / 1_000_000);
            java.util.Arrays.fill(secret, '\0');
            onSignedIn.accept(session);
        }, failure -> {
            busy.set(false);
            java.util.Arrays.fill(secret, '\0');
            if (moved && !(failure instanceof io.backroom.app.config.ConfigException)) {
                serverInUse = address;
            }
            LOG.info("Sign-in of {} failed: {}", name, failure.toString());
            error.set(failure instanceof IllegalArgumentException || failure instanceof io.backroom.app.config.ConfigException
                    ? failure.getMessage() : UserMessages.describe("signing in", failure));
        });
    }
}
