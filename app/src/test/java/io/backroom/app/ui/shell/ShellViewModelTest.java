package io.backroom.app.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.backroom.api.model.Health;
import io.backroom.app.services.ConnectionStatus;
import io.backroom.app.tasks.TaskExecutor;
import java.net.URI;
import java.time.Instant;
import io.backroom.app.services.ConnectionMonitor;
import io.backroom.app.services.ModelCatalog;
import io.backroom.app.services.outbox.OutboxState;
import io.backroom.app.services.outbox.OutboxSummary;
import io.backroom.api.model.Role;
import io.backroom.app.services.session.UserSession;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    @Test
    void showsOnlyTheWorkspacesTheRoleMayUse() {
        ShellViewModel model = new ShellViewModel(TaskExecutor.direct(), () -> null);
        model.useWorkspaces(FakeWorkspace.registry(new ArrayList<>(), new FakeWorkspace.Source()), null);
        model.signedIn(new UserSession("lee", "Lee Park", Set.of(Role.LP_ANALYST), null));
        assertThat(model.workspaces()).extracting(Workspace::id).containsExactly("audit");
        assertThat(model.currentWorkspaceProperty().get().id()).isEqualTo("audit");
        assertThat(model.open("invoices")).isFalse();
        assertThat(model.open("anomalies")).as("not registered: offered nowhere").isFalse();
        assertThat(model.userTextProperty().get()).isEqualTo("Lee Park · Loss-prevention analyst");

        model.signedIn(new UserSession("ana", null, Set.of(Role.AP_CLERK), "secret-token"));
        assertThat(model.workspaces()).extracting(Workspace::id).containsExactly("invoices", "audit");
        assertThat(model.currentWorkspaceProperty().get().id()).as("stays where it was").isEqualTo("audit");
        assertThat(model.open("invoices")).isTrue();
    }

    @Test
    void onlyTheShownWorkspaceHoldsListenersAndNoneSurvivesSignOut() {
        List<String> events = new ArrayList<>();
        FakeWorkspace.Source source = new FakeWorkspace.Source();
        ShellViewModel model = new ShellViewModel(TaskExecutor.direct(), () -> null);
        model.useWorkspaces(FakeWorkspace.registry(events, source), null);
        model.signedIn(new UserSession("ana", null, Set.of(Role.AP_CLERK), null));
        Workspace invoices = model.workspaces().get(0);
        Workspace audit = model.workspaces().get(1);
        assertThat(invoices.active()).isTrue();
        assertThat(invoices.liveSubscriptions()).isEqualTo(2);
        assertThat(source.listeners()).isEqualTo(2);
        assertThat(audit.active()).isFalse();
        assertThat(audit.liveSubscriptions()).isZero();

        model.open(audit);
        assertThat(invoices.active()).isFalse();
        assertThat(invoices.liveSubscriptions()).isZero();
        assertThat(audit.liveSubscriptions()).isEqualTo(2);
        assertThat(events).containsExactly("invoices+", "invoices-", "audit+");

        model.signedOut();
        assertThat(model.workspaces()).isEmpty();
        assertThat(model.currentWorkspaceProperty().get()).isNull();
        assertThat(audit.liveSubscriptions()).isZero();
        assertThat(events).containsExactly("invoices+", "invoices-", "audit+", "audit-", "invoices disposed",
                "audit disposed");
        assertThat(source.listeners()).as("no listener left on the shared source").isZero();
        assertThat(model.userTextProperty().get()).isEmpty();
    }

    @Test
    void turnsRedWhenTheGatewayStopsAnsweringAndBackWhenItReturns() {
        ShellViewModel model = new ShellViewModel(TaskExecutor.direct(), () -> null, t -> { }, ZoneOffset.UTC);
        ConnectionStatus up = new ConnectionStatus(true, URI.create("http://127.0.0.1:1"), UP);
        model.onConnectionState(new ConnectionMonitor.State(up, true, Instant.EPOCH, null));
        assertThat(model.failedProperty().get()).isFalse();

        model.onConnectionState(new ConnectionMonitor.State(up, false, Instant.parse("2026-03-02T10:42:00Z"), "refused"));
        assertThat(model.failedProperty().get()).isTrue();
        assertThat(model.connectionTextProperty().get())
                .isEqualTo("Not connected since 10:42: the gateway stopped answering. Decisions wait in the outbox; retrying.");

        model.onConnectionState(new ConnectionMonitor.State(up, true, Instant.EPOCH, null));
        assertThat(model.failedProperty().get()).isFalse();
        assertThat(model.connectionTextProperty().get()).isEqualTo("Connected to sandbox gateway 1.2.3");
    }

    @Test
    void showsOutboxAndModelsInPlainWords() {
        ShellViewModel model = new ShellViewModel(TaskExecutor.direct(), () -> null);
        model.onOutbox(new OutboxSummary(Map.of(OutboxState.PENDING, 2, OutboxState.CONFLICT, 1)));
        assertThat(model.outboxTextProperty().get()).isEqualTo("Outbox: 2 waiting, 1 needs you");
        assertThat(model.outboxNeedsAttentionProperty().get()).isTrue();
        model.onModels(List.of(new ModelCatalog.ModelInfo("exception-classifier", "1.0.0", "abc")));
        assertThat(model.modelsTextProperty().get()).isEqualTo("Models: exception-classifier 1.0.0");
    }

    @Test
    void remembersTheThemeItSwitchesTo() {
        List<String> saved = new ArrayList<>();
        ShellViewModel model = new ShellViewModel(TaskExecutor.direct(), () -> null, saved::add, ZoneOffset.UTC);
        model.useTheme("light");
        model.toggleTheme();
        assertThat(model.darkThemeProperty().get()).isTrue();
        assertThat(saved).containsExactly("dark");
    }
}
