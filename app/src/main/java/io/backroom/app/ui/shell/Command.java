package io.backroom.app.ui.shell;

import io.backroom.app.ui.keys.KeyBinding;

/**
 * An entry of the command palette.
 *
 * @param title    what it does, as the person reads it
 * @param category where it belongs, for example "Go to" or "Audit"
 * @param binding  its keyboard shortcut, or {@code null}
 * @param action   what runs
 */
public record Command(String title, String category, KeyBinding binding, Runnable action) {
}
