package io.backroom.app.ui.audit;

import io.backroom.app.AppContext;
import io.backroom.app.services.Subscriptions;
import io.backroom.api.model.Role;
import io.backroom.app.ui.keys.KeyBinding;
import io.backroom.app.ui.shell.AbstractWorkspace;
import io.backroom.app.ui.shell.Command;
import io.backroom.app.ui.shell.WorkspaceContext;
import io.backroom.app.ui.shell.WorkspaceSpec;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import javafx.scene.Node;

/** The audit log: search, verify the hash chain, export a report. Follows new entries while shown. */
public final class AuditWorkspace extends AbstractWorkspace {
    public static final WorkspaceSpec SPEC = new WorkspaceSpec("audit", "Audit",
            EnumSet.of(Role.AP_CLERK, Role.AP_SUPERVISOR, Role.LP_ANALYST, Role.DIRECTOR, Role.ADMIN),
            KeyBinding.GO_AUDIT,
            EnumSet.of(KeyBinding.VERIFY_AUDIT, KeyBinding.EXPORT_AUDIT, KeyBinding.REFRESH, KeyBinding.FOCUS_SEARCH,
                    KeyBinding.FOCUS_FILTERS),
            Map.of(), AuditWorkspace::new);

    private final WorkspaceContext context;
    private final AuditViewModel model;
    private AuditView view;

    public AuditWorkspace(WorkspaceContext context) {
        super(SPEC);
        this.context = context;
        AppContext app = context.app();
        model = new AuditViewModel(context.executor(), app.audit(), app.auditReport(), app.config().reportDirectory(),
                context::username, app.clock(), context.zone());
        model.useLabels(id -> app.invoiceLabels().getOrDefault(id, id));
    }

    @Override
    protected Node buildView() {
        view = new AuditView(model, context.keys(), context.layouts());
        return view;
    }

    @Override
    public Map<KeyBinding, Runnable> keyActions() {
        return view == null ? Map.of() : view.keyActions();
    }

    @Override
    public List<Command> commands() {
        return List.of(
                new Command("Verify audit log integrity", "Audit", KeyBinding.VERIFY_AUDIT, model::verify),
                new Command("Export audit report (PDF)", "Audit", KeyBinding.EXPORT_AUDIT, model::export));
    }

    @Override
    protected void onActivate(Subscriptions live) {
        live.add(context.app().audit().onAppend(entry -> context.executor().onUi(model::refresh)));
        model.refresh();
    }
}
