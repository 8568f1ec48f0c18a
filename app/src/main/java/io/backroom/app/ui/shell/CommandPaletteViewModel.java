package io.backroom.app.ui.shell;

import java.util.List;
import java.util.Locale;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The Ctrl+K palette: every command of the console, narrowed as the person types. Matching
 * ignores case and accepts the words of the query in any order ("audit ver" finds "Verify audit
 * log integrity"). Testable without a toolkit.
 */
public final class CommandPaletteViewModel {
    private final ObservableList<Command> all = FXCollections.observableArrayList();
    private final FilteredList<Command> matches = new FilteredList<>(all, c -> true);
    private final StringProperty query = new SimpleStringProperty("");

    public CommandPaletteViewModel() {
        query.addListener((obs, was, now) -> matches.setPredicate(c -> matches(c, now)));
    }

    public StringProperty queryProperty() {
        return query;
    }

    /** The commands matching the query, in registration order. */
    public ObservableList<Command> matches() {
        return matches;
    }

    /** Replaces the available commands. */
    public void setCommands(List<Command> commands) {
        all.setAll(commands);
    }

    /** Runs {@code command} and clears the query. */
    public void run(Command command) {
        query.set("");
        command.action().run();
    }

    /** Runs the first match, if any; returns whether one ran. */
    public boolean runFirst() {
        if (matches.isEmpty()) {
            return false;
        }
        run(matches.get(0));
        return true;
    }

    static boolean matches(Command c, String query) {
        if (query == null || query.isBlank()) {
            return true;
        }
        String haystack = (c.category() + " " + c.title()).toLowerCase(Locale.ROOT);
        for (String word : query.toLowerCase(Locale.ROOT).trim().split("\\s+")) {
            if (!haystack.contains(word)) {
                return false;
            }
        }
        return true;
    }
}
