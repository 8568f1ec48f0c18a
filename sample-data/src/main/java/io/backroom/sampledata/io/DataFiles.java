package io.backroom.sampledata.io;

import io.backroom.sampledata.labels.DocumentLabel;
import io.backroom.sampledata.labels.InvoiceLabel;
import io.backroom.sampledata.labels.ShiftLabel;
import io.backroom.sampledata.labels.TransactionLabel;
import io.backroom.sampledata.model.ApprovalRequest;
import io.backroom.sampledata.model.Cashier;
import io.backroom.sampledata.model.CashierShift;
import io.backroom.sampledata.model.CreditNote;
import io.backroom.sampledata.model.ExceptionResolution;
import io.backroom.sampledata.model.ExpenseInvoice;
import io.backroom.sampledata.model.GoodsReceipt;
import io.backroom.sampledata.model.IntegrationMessage;
import io.backroom.sampledata.model.Invoice;
import io.backroom.sampledata.model.Item;
import io.backroom.sampledata.model.PaymentReminder;
import io.backroom.sampledata.model.PosTransaction;
import io.backroom.sampledata.model.PurchaseOrder;
import io.backroom.sampledata.model.Region;
import io.backroom.sampledata.model.Store;
import io.backroom.sampledata.model.Supplier;
import io.backroom.sampledata.model.SupplierStatement;
import io.backroom.sampledata.model.User;
import java.util.List;

/** Every file of the format, by name. The file on disk is {@code <path>.jsonl} or {@code <path>.jsonl.gz}. */
public final class DataFiles {
    /** Folder of the ground-truth files. */
    public static final String LABELS_DIR = "labels";
    /** Folder of the rendered PDFs. */
    public static final String PDFS_DIR = "pdfs";
    /** Name of the manifest at the data set root. */
    public static final String MANIFEST = "manifest.json";

    public static final EntityFile<Region> REGIONS = new EntityFile<>("regions", Region.class);
    public static final EntityFile<Store> STORES = new EntityFile<>("stores", Store.class);
    public static final EntityFile<User> USERS = new EntityFile<>("users", User.class);
    public static final EntityFile<Supplier> SUPPLIERS = new EntityFile<>("suppliers", Supplier.class);
    public static final EntityFile<Item> ITEMS = new EntityFile<>("items", Item.class);
    public static final EntityFile<Cashier> CASHIERS = new EntityFile<>("cashiers", Cashier.class);
    public static final EntityFile<PurchaseOrder> PURCHASE_ORDERS =
            new EntityFile<>("purchase-orders", PurchaseOrder.class);
    public static final EntityFile<GoodsReceipt> GOODS_RECEIPTS =
            new EntityFile<>("goods-receipts", GoodsReceipt.class);
    public static final EntityFile<Invoice> INVOICES = new EntityFile<>("invoices", Invoice.class);
    public static final EntityFile<CreditNote> CREDIT_NOTES = new EntityFile<>("credit-notes", CreditNote.class);
    public static final EntityFile<ExpenseInvoice> EXPENSE_INVOICES =
            new EntityFile<>("expense-invoices", ExpenseInvoice.class);
    public static final EntityFile<SupplierStatement> SUPPLIER_STATEMENTS =
            new EntityFile<>("supplier-statements", SupplierStatement.class);
    public static final EntityFile<PaymentReminder> PAYMENT_REMINDERS =
            new EntityFile<>("payment-reminders", PaymentReminder.class);
    public static final EntityFile<ExceptionResolution> EXCEPTION_HISTORY =
            new EntityFile<>("exception-history", ExceptionResolution.class);
    public static final EntityFile<ApprovalRequest> APPROVAL_REQUESTS =
            new EntityFile<>("approval-requests", ApprovalRequest.class);
    public static final EntityFile<CashierShift> CASHIER_SHIFTS =
            new EntityFile<>("cashier-shifts", CashierShift.class);
    public static final EntityFile<PosTransaction> POS_TRANSACTIONS =
            new EntityFile<>("pos-transactions", PosTransaction.class);
    public static final EntityFile<IntegrationMessage> INTEGRATION_MESSAGES =
            new EntityFile<>("integration-messages", IntegrationMessage.class);

    public static final EntityFile<InvoiceLabel> INVOICE_LABELS =
            new EntityFile<>(LABELS_DIR + "/invoice-labels", InvoiceLabel.class);
    public static final EntityFile<ShiftLabel> SHIFT_LABELS =
            new EntityFile<>(LABELS_DIR + "/shift-labels", ShiftLabel.class);
    public static final EntityFile<TransactionLabel> TRANSACTION_LABELS =
            new EntityFile<>(LABELS_DIR + "/transaction-labels", TransactionLabel.class);
    public static final EntityFile<DocumentLabel> DOCUMENT_LABELS =
            new EntityFile<>(LABELS_DIR + "/document-labels", DocumentLabel.class);

    /** All files in the order the generator writes and the manifest lists them. */
    public static final List<EntityFile<?>> ALL = List.of(REGIONS, STORES, USERS, SUPPLIERS, ITEMS, CASHIERS,
            PURCHASE_ORDERS, GOODS_RECEIPTS, INVOICES, CREDIT_NOTES, EXPENSE_INVOICES, SUPPLIER_STATEMENTS,
            PAYMENT_REMINDERS, EXCEPTION_HISTORY, APPROVAL_REQUESTS, CASHIER_SHIFTS, POS_TRANSACTIONS,
            INTEGRATION_MESSAGES, INVOICE_LABELS, SHIFT_LABELS, TRANSACTION_LABELS, DOCUMENT_LABELS);

    private DataFiles() {
    }
}
