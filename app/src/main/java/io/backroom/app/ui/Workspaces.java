package io.backroom.app.ui;

import io.backroom.app.ui.audit.AuditWorkspace;
import io.backroom.app.ui.invoices.InvoicesWorkspace;
import io.backroom.app.ui.shell.WorkspaceRegistry;
import java.util.List;

/** The workspaces this console version ships. */
public final class Workspaces {
    private Workspaces() {
    }

    /**
     * Invoices and audit. The anomalies, approvals, integrations and insights workspaces join this
     * list, one class each, when they ship; until then they are offered nowhere.
     */
    public static WorkspaceRegistry standard() {
        return new WorkspaceRegistry(List.of(InvoicesWorkspace.SPEC, AuditWorkspace.SPEC));
    }
}
