package io.backroom.app.ui.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.junit.jupiter.api.Test;

class KeyBindingRepositoryTest {

    @Test
    void everyDefaultShortcutIsDistinct() {
        KeyBindingRepository keys = KeyBindingRepository.defaults();
        assertThat(Arrays.stream(KeyBinding.values()).map(keys::combination)).doesNotHaveDuplicates();
    }

    @Test
    void everyDecisionHasAPlainSingleKey() {
        KeyBindingRepository keys = KeyBindingRepository.defaults();
        Arrays.stream(KeyBinding.values()).filter(b -> b.category() == KeyBinding.Category.DECISIONS)
                .filter(b -> b != KeyBinding.BULK_RELEASE && b != KeyBinding.RETRY_OUTBOX)
                .forEach(b -> assertThat(keys.isPlainKey(b)).as(b.name()).isTrue());
    }

    @Test
    void userOverridesReplaceDefaultsAndBadOnesAreIgnored() {
        KeyBindingRepository keys = new KeyBindingRepository(Map.of("key.RELEASE", "Shift+R", "key.REJECT", "Nonsense+Q+"));
        assertThat(keys.match(pressed(KeyCode.R, true))).contains(KeyBinding.RELEASE);
        assertThat(keys.match(pressed(KeyCode.R, false))).isEmpty();
        assertThat(keys.match(pressed(KeyCode.X, false))).contains(KeyBinding.REJECT);
    }

    @Test
    void matchesCharacterShortcutsOnTheTypedCharacter() {
        KeyBindingRepository keys = KeyBindingRepository.defaults();
        KeyEvent typed = new KeyEvent(KeyEvent.KEY_TYPED, "?", "", KeyCode.UNDEFINED, true, false, false, false);
        assertThat(keys.match(typed)).contains(KeyBinding.SHOW_SHORTCUTS);
    }

    private static KeyEvent pressed(KeyCode code, boolean shift) {
        return new KeyEvent(KeyEvent.KEY_PRESSED, "", "", code, shift, false, false, false);
    }
}
