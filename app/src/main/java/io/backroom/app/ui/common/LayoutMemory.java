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
            if (k.startsWith(ColumnLayout.key(""))) {
                known.put(k, v);
            }
        });
    }

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
