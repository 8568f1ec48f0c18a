package io.backroom.app.ui.keys;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import javafx.scene.input.KeyCharacterCombination;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/**
 * The accelerators in effect: defaults from {@link KeyBinding}, with the user's overrides
 * (setting keys {@code key.<BINDING>}) on top. Answers which binding a key event means.
 */
public final class KeyBindingRepository {
    /** Prefix of the settings that remap a binding, for example {@code key.RELEASE=Shift+R}. */
    public static final String SETTING_PREFIX = "key.";

    private final Map<KeyBinding, KeyCombination> combinations = new EnumMap<>(KeyBinding.class);

    /** The defaults, with {@code overrides} (setting key to accelerator) applied; bad overrides are ignored. */
    public KeyBindingRepository(Map<String, String> overrides) {
        for (KeyBinding b : KeyBinding.values()) {
            combinations.put(b, KeyCombination.valueOf(b.defaultAccelerator()));
            String custom = overrides.get(SETTING_PREFIX + b.name());
            if (custom != null && !custom.isBlank()) {
                try {
                    combinations.put(b, KeyCombination.valueOf(custom));
                } catch (IllegalArgumentException e) {
                    org.slf4j.LoggerFactory.getLogger(KeyBindingRepository.class)
                            .warn("Ignoring the shortcut '{}' for {}: {}", custom, b, e.getMessage());
                }
            }
        }
    }

    /** The defaults only. */
    public static KeyBindingRepository defaults() {
        return new KeyBindingRepository(Map.of());
    }

    public KeyCombination combination(KeyBinding binding) {
        return combinations.get(binding);
    }

    /** How the shortcut is shown to a person, for example "Ctrl+K" or "R". */
    public String display(KeyBinding binding) {
        return combination(binding).getDisplayText();
    }

    /** Whether {@code binding} is a single key without modifiers (inactive while typing). */
    public boolean isPlainKey(KeyBinding binding) {
        KeyCombination c = combination(binding);
        return c.getControl() != KeyCombination.ModifierValue.DOWN && c.getShortcut() != KeyCombination.ModifierValue.DOWN
                && c.getAlt() != KeyCombination.ModifierValue.DOWN && c.getMeta() != KeyCombination.ModifierValue.DOWN;
    }

    /**
     * The binding a key event stands for. Key codes match on KEY_PRESSED; characters (such as
     * {@code ?}) match on KEY_TYPED, where the typed character is known on every keyboard layout.
     */
    public Optional<KeyBinding> match(KeyEvent event) {
        for (Map.Entry<KeyBinding, KeyCombination> e : combinations.entrySet()) {
            KeyCombination c = e.getValue();
            if (c instanceof KeyCharacterCombination chars) {
                if (event.getEventType() == KeyEvent.KEY_TYPED && chars.getCharacter().equals(event.getCharacter())
                        && !event.isShortcutDown() && !event.isAltDown()) {
                    return Optional.of(e.getKey());
                }
            } else if (c instanceof KeyCodeCombination && event.getEventType() == KeyEvent.KEY_PRESSED && c.match(event)) {
                return Optional.of(e.getKey());
            }
        }
        return Optional.empty();
    }
}
