package io.backroom.app.ui.signin;

import static org.assertj.core.api.Assertions.assertThat;

import io.backroom.app.AppContext;
import io.backroom.app.config.AppConfig;
import io.backroom.app.services.session.UserSession;
import io.backroom.app.tasks.TaskExecutor;
import io.backroom.app.testing.SandboxFixture;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sign-in against a wrong gateway address: the message names it, and the address can be corrected and retried. */
class SignInViewModelTest {
    @TempDir
    Path dir;

    @Test
    void aWrongServerAddressIsNamedAndCanBeCorrectedAndRetriedFromTheSignIn() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        String wrong = "http://127.0.0.1:" + closed;
        Files.createDirectories(dir.resolve("gw"));
        try (SandboxFixture sandbox = new SandboxFixture(dir.resolve("gw"));
             AppContext context = new AppContext(AppConfig.resolve(List.of("--home", dir.resolve("console").toString(),
                     "--server", wrong), Map.of(), dir))) {
            AtomicReference<UserSession> signedIn = new AtomicReference<>();
            SignInViewModel vm = new SignInViewModel(TaskExecutor.direct(), false, context::signIn, signedIn::set);
            vm.useServer(context.serverAddress(), context::useServer);
            assertThat(vm.serverEditable()).isTrue();
            assertThat(vm.serverProperty().get()).isEqualTo(wrong);

            vm.usernameProperty().set("clerk");
            vm.passwordProperty().set("backroom");
            vm.signIn();
            assertThat(signedIn.get()).isNull();
            assertThat(vm.errorProperty().get()).startsWith("Could not reach the gateway at " + wrong)
                    .contains("Check the address below");

            vm.serverProperty().set("not a url");
            vm.passwordProperty().set("backroom");
            vm.signIn();
            assertThat(vm.errorProperty().get()).contains("not a valid URL");

            vm.serverProperty().set(sandbox.baseUrl());
            vm.passwordProperty().set("backroom");
            vm.signIn();
            assertThat(vm.errorProperty().get()).isEmpty();
            assertThat(signedIn.get().username()).isEqualTo("clerk");
            assertThat(context.serverAddress()).isEqualTo(sandbox.baseUrl());
        }
    }
}
