package io.backroom.app.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.backroom.app.ui.keys.KeyBinding;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommandPaletteViewModelTest {
    private final List<String> ran = new ArrayList<>();
    private final CommandPaletteViewModel model = new CommandPaletteViewModel();

    CommandPaletteViewModelTest() {
        model.setCommands(List.of(
                new Command("Invoices", "Go to", KeyBinding.GO_INVOICES, () -> ran.add("invoices")),
                new Command("Audit", "Go to", KeyBinding.GO_AUDIT, () -> ran.add("audit")),
                new Command("Verify audit log integrity", "Audit", KeyBinding.VERIFY_AUDIT, () -> ran.add("verify"))));
    }

    @Test
    void narrowsByEveryWordOfTheQueryInAnyOrderIgnoringCase() {
        model.queryProperty().set("INTEGRITY aud");
        assertThat(model.matches()).extracting(Command::title).containsExactly("Verify audit log integrity");
        model.queryProperty().set("go");
        assertThat(model.matches()).hasSize(2);
        model.queryProperty().set("");
        assertThat(model.matches()).hasSize(3);
    }

    @Test
    void runsTheFirstMatchAndClearsTheQuery() {
        model.queryProperty().set("audit");
        assertThat(model.runFirst()).isTrue();
        assertThat(ran).containsExactly("audit");
        assertThat(model.queryProperty().get()).isEmpty();
        model.queryProperty().set("nothing like this");
        assertThat(model.runFirst()).isFalse();
    }
}
