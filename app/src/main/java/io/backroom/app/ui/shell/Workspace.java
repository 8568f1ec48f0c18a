package io.backroom.app.ui.shell;

import io.backroom.app.ui.keys.KeyBinding;
import java.util.List;
import java.util.Map;
import javafx.scene.Node;

/**
 * One workspace of the console (invoices, audit, and the anomalies, approvals, integrations and
 * insights to come), as the shell hosts it. An instance lives for one signed-in session: the shell
 * creates it from its {@link WorkspaceSpec} when a user who may use it signs in, and
 * {@link #dispose() disposes} of it on sign-out, so nothing user-scoped survives the session.
 *
 * <p>While shown it is <em>active</em>: {@link #activate()} adds its listeners and change-feed
 * subscriptions, {@link #deactivate()} removes every one of them (see {@link AbstractWorkspace}).
 */
public interface Workspace {
    /** What it is, who may use it, its shortcuts. */
    WorkspaceSpec spec();

    /** Its view, built on the first call (on the FX thread). */
    Node view();

    /** The shortcuts it handles while shown; each is in {@link WorkspaceSpec#shortcuts()}. */
    Map<KeyBinding, Runnable> keyActions();

    /** Its command-palette entries; the shell opens the workspace before running one. */
    List<Command> commands();

    /** Shown: add listeners and subscriptions, refresh. */
    void activate();

    /** Hidden: remove everything {@link #activate()} added. */
    void deactivate();

    /** Whether it is shown now. */
    boolean active();

    /** How many listeners and subscriptions it holds now (none unless active). */
    int liveSubscriptions();

    /** The session ended: deactivate and let go of everything. */
    default void dispose() {
        deactivate();
    }

    default String id() {
        return spec().id();
    }

    default String title() {
        return spec().title();
    }
}
