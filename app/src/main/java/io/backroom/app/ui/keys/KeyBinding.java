package io.backroom.app.ui.keys;

/**
 * Every keyboard shortcut of the console, in one place: its label, its default accelerator (in
 * {@link javafx.scene.input.KeyCombination#valueOf} syntax) and its category. Users can remap
 * them; the shortcuts overlay ({@code ?}) lists them from here, so it is never out of date.
 * Single keys without a modifier do nothing while the focus is in a text field.
 */
public enum KeyBinding {
    SHOW_SHORTCUTS("Show keyboard shortcuts", "?", Category.GENERAL),
    COMMAND_PALETTE("Open the command palette", "Shortcut+K", Category.GENERAL),
    CLOSE_OVERLAY("Close the overlay or dialog", "Esc", Category.GENERAL),
    TOGGLE_THEME("Switch light / dark theme", "Shortcut+Shift+L", Category.GENERAL),
    SIGN_OUT("Sign out / switch user", "Shortcut+Shift+Q", Category.GENERAL),
    GO_INVOICES("Go to Invoices", "Shortcut+1", Category.NAVIGATION),
    GO_AUDIT("Go to Audit", "Shortcut+2", Category.NAVIGATION),
    FOCUS_SEARCH("Search", "Shortcut+F", Category.NAVIGATION),
    FOCUS_FILTERS("Filters", "Shortcut+Shift+F", Category.NAVIGATION),
    REFRESH("Refresh", "F5", Category.NAVIGATION),
    NEXT_ITEM("Next item", "J", Category.QUEUE),
    PREVIOUS_ITEM("Previous item", "K", Category.QUEUE),
    OPEN_PDF("Open the supplier's PDF", "O", Category.QUEUE),
    ACCEPT_SUGGESTION("Accept the model's suggestion", "A", Category.DECISIONS),
    RELEASE("Release", "R", Category.DECISIONS),
    REJECT("Reject", "X", Category.DECISIONS),
    REQUEST_CREDIT("Request credit memo", "C", Category.DECISIONS),
    ROUTE_TO_BUYER("Route to buyer", "B", Category.DECISIONS),
    HOLD("Hold with note", "H", Category.DECISIONS),
    BULK_RELEASE("Release all selected within tolerance", "Shortcut+Shift+R", Category.DECISIONS),
    RETRY_OUTBOX("Retry failed decisions", "Shortcut+Shift+Y", Category.DECISIONS),
    UNDO_DECISION("Undo the last decision (before it is sent)", "Shortcut+Z", Category.QUEUE),
    OPEN_NOTICED("Open the invoice the notification names", "Shortcut+G", Category.QUEUE),
    SELECT_WITHIN_TOLERANCE("Select every invoice within the price tolerance", "Shortcut+Shift+A", Category.QUEUE),
    SHOW_PDF_CHECK("Show PDF vs ERP", "Shortcut+Shift+P", Category.QUEUE),
    SHOW_HISTORY("Show the invoice's history", "Shortcut+Shift+H", Category.QUEUE),
    SHOW_OUTBOX("Show decisions not yet sent", "Shortcut+Shift+U", Category.QUEUE),
    NEXT_DETAIL_TAB("Next detail tab", "Shortcut+T", Category.QUEUE),
    VERIFY_AUDIT("Verify audit log integrity", "Shortcut+Shift+V", Category.AUDIT),
    EXPORT_AUDIT("Export audit report (PDF)", "Shortcut+E", Category.AUDIT);

    private final String label;
    private final String defaultAccelerator;
    private final Category category;

    KeyBinding(String label, String defaultAccelerator, Category category) {
        this.label = label;
        this.defaultAccelerator = defaultAccelerator;
        this.category = category;
    }

    public String label() {
        return label;
    }

    public String defaultAccelerator() {
        return defaultAccelerator;
    }

    public Category category() {
        return category;
    }

    /** Groups of the shortcuts overlay. */
    public enum Category {
        GENERAL("General"), NAVIGATION("Navigation"), QUEUE("Queue"), DECISIONS("Decisions"), AUDIT("Audit");

        private final String title;

        Category(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }
}
