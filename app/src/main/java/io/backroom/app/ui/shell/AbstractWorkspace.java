package io.backroom.app.ui.shell;

import io.backroom.app.services.Subscriptions;
import io.backroom.app.ui.keys.KeyBinding;
import java.util.List;
import java.util.Map;
import javafx.scene.Node;

/**
 * The activate/deactivate bookkeeping of a workspace: a subclass adds its listeners and
 * subscriptions to the {@link Subscriptions} it is given in {@link #onActivate}, and they are all
 * cancelled on {@link #deactivate()}, so no listener outlives the time the workspace is shown.
 */
public abstract class AbstractWorkspace implements Workspace {
    private final WorkspaceSpec spec;
    private final Subscriptions live = new Subscriptions();
    private Node view;
    private boolean active;

    protected AbstractWorkspace(WorkspaceSpec spec) {
        this.spec = spec;
    }

    @Override
    public final WorkspaceSpec spec() {
        return spec;
    }

    @Override
    public final Node view() {
        if (view == null) {
            view = buildView();
        }
        return view;
    }

    /** Builds the view, once, on the FX thread. */
    protected abstract Node buildView();

    /** Whether the view was built (shortcuts and activation need it). */
    protected final boolean viewBuilt() {
        return view != null;
    }

    @Override
    public Map<KeyBinding, Runnable> keyActions() {
        return Map.of();
    }

    @Override
    public List<Command> commands() {
        return List.of();
    }

    @Override
    public final void activate() {
        if (active) {
            return;
        }
        active = true;
        onActivate(live);
    }

    /** Adds what lives while shown to {@code live}, then refreshes. */
    protected abstract void onActivate(Subscriptions live);

    @Override
    public final void deactivate() {
        if (!active) {
            return;
        }
        active = false;
        live.cancelAll();
        onDeactivate();
    }

    /** Stops what is not a listener (for example a poll); runs after every subscription was cancelled. */
    protected void onDeactivate() {
    }

    @Override
    public final boolean active() {
        return active;
    }

    @Override
    public final int liveSubscriptions() {
        return live.size();
    }
}
