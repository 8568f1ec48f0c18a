package io.backroom.app.ui.shell;

import io.backroom.app.services.Subscriptions;
import io.backroom.api.model.Role;
import io.backroom.app.ui.keys.KeyBinding;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Node;

/** A workspace without a view, for view-model tests: it listens to a {@link Source} while shown and logs its lifecycle. */
final class FakeWorkspace extends AbstractWorkspace {
    /** Something a workspace listens to, counting its listeners. */
    static final class Source {
        private final AtomicInteger listeners = new AtomicInteger();

        io.backroom.app.services.Subscription listen() {
            listeners.incrementAndGet();
            return listeners::decrementAndGet;
        }

        int listeners() {
            return listeners.get();
        }
    }

    private final List<String> events;
    private final Source source;

    private FakeWorkspace(WorkspaceSpec spec, List<String> events, Source source) {
        super(spec);
        this.events = events;
        this.source = source;
    }

    static WorkspaceRegistry registry(List<String> events, Source source) {
        return new WorkspaceRegistry(List.of(
                spec("invoices", "Invoices", EnumSet.of(Role.AP_CLERK), KeyBinding.GO_INVOICES, events, source),
                spec("audit", "Audit", EnumSet.of(Role.AP_CLERK, Role.LP_ANALYST), KeyBinding.GO_AUDIT, events, source)));
    }

    private static WorkspaceSpec spec(String id, String title, Set<Role> roles, KeyBinding goTo, List<String> events,
                                      Source source) {
        WorkspaceSpec[] self = new WorkspaceSpec[1];
        self[0] = new WorkspaceSpec(id, title, roles, goTo, Set.of(KeyBinding.REFRESH), Map.of(),
                context -> new FakeWorkspace(self[0], events, source));
        return self[0];
    }

    @Override
    protected Node buildView() {
        throw new UnsupportedOperationException("no view in a view-model test");
    }

    @Override
    protected void onActivate(Subscriptions live) {
        live.add(source.listen());
        live.add(source.listen());
        events.add(id() + "+");
    }

    @Override
    protected void onDeactivate() {
        events.add(id() + "-");
    }

    @Override
    public void dispose() {
        super.dispose();
        events.add(id() + " disposed");
    }
}
