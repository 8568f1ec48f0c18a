package io.backroom.app.ui.common;

import io.backroom.app.services.settings.ColumnLayout;
import io.backroom.app.services.settings.SettingsStore;
import io.backroom.app.tasks.TaskExecutor;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The tables' remembered column layouts: read from the settings loaded at start, written in the background. */
public final class LayoutMemory {
    private static final Logger LOG = LoggerFactory.getLogger(LayoutMemory.class);
    private final TaskExecutor executor;
    private final SettingsStore settings;
    private final Map<String, String> known = new ConcurrentHashMap<>();

    public LayoutMemory(TaskExecutor executor, Map<String, String> startupSettings, SettingsStore settings) {
        this.executor = executor;
        this.settings = settings;
        startupSettings.forEach((k, v) -> {
            if (k.startsWith(ColumnLayout.key("")) || k.startsWith(DIVIDERS)) {
                known.put(k, v);
            }
        });
    }

    private static final String DIVIDERS = "ui.dividers.";

    /** The divider positions last remembered for the split pane {@code name}, or {@code defaults}. */
    public double[] dividers(String name, double[] defaults) {
        String text = known.get(DIVIDERS + name);
        if (text == null) {
            return defaults;
        }
        try {
            String[] parts = text.split(",");
            if (parts.length != defaults.length) {
                return defaults;
            }
            double[] out = new double[parts.length];
            for (int i = 0; i < parts.length; i++) {
                out[i] = Double.parseDouble(parts[i]);
                if (!(out[i] > 0.05 && out[i] < 0.95)) {
                    return defaults;
                }
            }
            return out;
        } catch (NumberFormatException e) {
            return defaults;
        }
    }

    /** Remembers the divider positions of {@code name}, written in the background half a second after the last move. */
    public void rememberDividers(String name, double[] positions) {
        StringBuilder text = new StringBuilder();
        for (double p : positions) {
            text.append(text.length() == 0 ? "" : ",").append(String.format(java.util.Locale.ROOT, "%.3f", p));
        }
        String key = DIVIDERS + name;
        if (text.toString().equals(known.put(key, text.toString()))) {
            return;
        }
        pendingDividers.put(key, text.toString());
        if (dividerWrite == null) {
            dividerWrite = new javafx.animation.PauseTransition(javafx.util.Duration.millis(500));
            dividerWrite.setOnFinished(e -> {
                Map<String, String> write = Map.copyOf(pendingDividers);
                pendingDividers.clear();
                executor.submit(() -> {
                    write.forEach(settings::put);
                    return write.size();
                }, n -> { }, error -> LOG.warn("Could not remember the split panes' dividers", error));
            });
        }
        dividerWrite.playFromStart();
    }

    private javafx.animation.PauseTransition dividerWrite;
    private final Map<String, String> pendingDividers = new java.util.HashMap<>();

    /** The layout last saved for {@code table}, if it can be read. */
    public Optional<ColumnLayout> saved(String table) {
        return ColumnLayout.decode(known.get(ColumnLayout.key(table)));
    }

    /** Remembers {@code layout} for {@code table}. */
    public void remember(String table, ColumnLayout layout) {
        String key = ColumnLayout.key(table);
        String text = layout.encode();
        if (text.equals(known.put(key, text))) {
            return;
        }
        executor.submit(() -> {
            settings.put(key, text);
            return text;
        }, t -> { }, e -> LOG.warn("Could not remember the columns of {}", table, e));
    }
}
