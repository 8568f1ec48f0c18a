package io.backroom.app.ui.invoices;

import io.backroom.app.AppContext;
import io.backroom.app.services.Subscriptions;
import io.backroom.app.services.gateway.GatewayDecisionSender;
import io.backroom.app.services.invoices.AdviceService;
import io.backroom.app.services.invoices.ChangeFeedWatcher;
import io.backroom.app.services.invoices.DecisionService;
import io.backroom.app.services.invoices.DocumentCheck;
import io.backroom.app.services.invoices.InvoiceQueueService;
import io.backroom.app.services.invoices.Prioritiser;
import io.backroom.app.services.outbox.InvoiceDecisions;
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

/**
 * The accounts-payable workspace: the held-invoice queue, its decisions and the decisions waiting in
 * the outbox. While shown it follows the gateway's change feed and the outbox; hidden, it does
 * neither, so the queue does not reload in the background.
 */
public final class InvoicesWorkspace extends AbstractWorkspace {
    public static final WorkspaceSpec SPEC = new WorkspaceSpec("invoices", "Invoices",
            EnumSet.of(Role.AP_CLERK, Role.AP_SUPERVISOR, Role.DIRECTOR, Role.ADMIN), KeyBinding.GO_INVOICES,
            EnumSet.of(KeyBinding.NEXT_ITEM, KeyBinding.PREVIOUS_ITEM, KeyBinding.OPEN_PDF, KeyBinding.ACCEPT_SUGGESTION,
                    KeyBinding.RELEASE, KeyBinding.REJECT, KeyBinding.REQUEST_CREDIT, KeyBinding.ROUTE_TO_BUYER,
                    KeyBinding.HOLD, KeyBinding.BULK_RELEASE, KeyBinding.FOCUS_SEARCH, KeyBinding.FOCUS_FILTERS,
                    KeyBinding.REFRESH, KeyBinding.RETRY_OUTBOX, KeyBinding.UNDO_DECISION, KeyBinding.OPEN_NOTICED,
                    KeyBinding.SELECT_WITHIN_TOLERANCE, KeyBinding.SHOW_PDF_CHECK, KeyBinding.SHOW_HISTORY,
                    KeyBinding.SHOW_OUTBOX, KeyBinding.NEXT_DETAIL_TAB),
            Map.of(InvoiceDecisions.KIND, GatewayDecisionSender.FACTORY), InvoicesWorkspace::new);

    private final WorkspaceContext context;
    private final InvoicesViewModel outbox;
    private final InvoiceQueueViewModel queue;
    private final SavedViewsViewModel savedViews;
    private final ChangeFeedWatcher feed;
    private InvoicesView view;

    public InvoicesWorkspace(WorkspaceContext context) {
        super(SPEC);
        this.context = context;
        AppContext app = context.app();
        outbox = new InvoicesViewModel(context.executor(), app.outbox(), context.zone());
        InvoiceQueueService queueService = new InvoiceQueueService(app::client, Prioritiser.moneyAtRisk(), app.clock(),
                context.zone());
        if (app.embedded()) {
            queueService.expectDemoRetailer();
        }
        AdviceService advice = new AdviceService(app::client, app.models(), app.audit(), app.clock(), context.zone());
        queue = new InvoiceQueueViewModel(context.executor(), queueService,
                new DecisionService(app.outbox(), app::outboxSender), advice,
                new DocumentCheck(app.models(), app.audit()), context::username, app.clock(), context.zone());
        queue.useAuthority(app::authority);
        queue.useUndoWindow(java.time.Duration.ofMillis(Long.getLong("backroom.undoWindowMillis", 5000)));
        queue.useLabels(app.invoiceLabels());
        outbox.useLabels(queue::invoiceLabel);
        outbox.onUnsent(queue::onUnsent);
        savedViews = new SavedViewsViewModel(context.executor(), queue, context.settings(), app.settings());
        feed = new ChangeFeedWatcher(queueService, changes -> context.executor().onUi(() -> {
            if (active()) {
                queue.reload();
            }
        }));
    }

    @Override
    protected Node buildView() {
        view = new InvoicesView(queue, outbox, savedViews, context.layouts(), context.keys());
        return view;
    }

    @Override
    public Map<KeyBinding, Runnable> keyActions() {
        return view == null ? Map.of() : view.keyActions();
    }

    @Override
    public List<Command> commands() {
        return List.of(new Command("Retry failed decisions", "Decisions", KeyBinding.RETRY_OUTBOX, outbox::retryFailed),
                new Command("Show decisions not yet sent", "Decisions", KeyBinding.SHOW_OUTBOX, () -> key(KeyBinding.SHOW_OUTBOX)),
                new Command("Undo the last decision", "Decisions", KeyBinding.UNDO_DECISION, queue::undo),
                new Command("Open the invoice the notification names", "Decisions", KeyBinding.OPEN_NOTICED,
                        () -> key(KeyBinding.OPEN_NOTICED)),
                new Command("Select every invoice within the price tolerance", "Decisions",
                        KeyBinding.SELECT_WITHIN_TOLERANCE, () -> key(KeyBinding.SELECT_WITHIN_TOLERANCE)));
    }

    private void key(KeyBinding binding) {
        Runnable action = keyActions().get(binding);
        if (action != null) {
            action.run();
        }
    }

    @Override
    protected void onActivate(Subscriptions live) {
        live.add(context.app().outbox().onChange(summary -> context.executor().onUi(outbox::refresh)));
        feed.start(context.feedInterval());
        live.add(feed::stop);
        view();
        view.activate();
    }

    /** Whether it follows the change feed now (only while shown). */
    public boolean followsChangeFeed() {
        return feed.running();
    }

    /** The queue (for tests of the workspace's lifecycle). */
    InvoiceQueueViewModel queue() {
        return queue;
    }

    @Override
    public void dispose() {
        super.dispose();
        feed.close();
    }
}
