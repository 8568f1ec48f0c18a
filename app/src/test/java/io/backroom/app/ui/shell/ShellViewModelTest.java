package io.backroom.app.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.backroom.api.model.Health;
import io.backroom.app.services.ConnectionStatus;
import io.backroom.app.tasks.TaskExecutor;
import java.net.URI;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ShellViewModelTest {
    private static final Health UP = new Health("UP", "1.2.3", "1.0", "sandbox", Instant.EPOCH);

    @Test
    void showsTheConnectedSandboxGatewayAndItsVersion() {
        ShellViewModel model = new ShellViewModel(TaskExecutor.direct(),
                () -> new ConnectionStatus(true, URI.create("http://127.0.0.1:1"), UP));
        model.connect();
        assertThat(model.connectionTextProperty().get()).isEqualTo("Connected to sandbox gateway 1.2.3");
        assertThat(model.connectedProperty().get()).isTrue();
        assertThat(model.failedProperty().get()).isFalse();
    }

    @Test
    void namesARemoteGatewaysAddress() {
        ShellViewModel model = new ShellViewModel(TaskExecutor.direct(),
                () -> new ConnectionStatus(false, URI.create("http://erp.example:8080"), UP));
        model.connect();
        assertThat(model.connectionTextProperty().get()).isEqualTo("Connected to gateway 1.2.3 at http://erp.example:8080");
    }

    @Test
    void saysPlainlyWhatToDoWhenTheGatewayDoesNotAnswer() {
        ShellViewModel model = new ShellViewModel(TaskExecutor.direct(), () -> {
            throw new IllegalStateException("connection refused");
        });
        model.connect();
        assertThat(model.failedProperty().get()).isTrue();
        assertThat(model.connectedProperty().get()).isFalse();
        assertThat(model.connectionTextProperty().get()).startsWith("Not connected").contains("retry")
                .doesNotContain("IllegalStateException");
    }
}
