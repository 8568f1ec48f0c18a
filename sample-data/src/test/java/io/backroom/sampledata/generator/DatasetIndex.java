package io.backroom.sampledata.generator;

import io.backroom.sampledata.io.DataFiles;
import io.backroom.sampledata.io.SampleDataset;
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
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** A whole (demo-sized) data set in memory with lookups, for tests. */
final class DatasetIndex {
    final SampleDataset dataset;
    final List<Region> regions;
    final List<Store> stores;
    final List<User> users;
    final List<Supplier> suppliers;
    final List<Item> items;
    final List<Cashier> cashiers;
    final List<PurchaseOrder> orders;
    final List<GoodsReceipt> receipts;
    final List<Invoice> invoices;
    final List<CreditNote> creditNotes;
    final List<ExpenseInvoice> expenses;
    final List<SupplierStatement> statements;
    final List<PaymentReminder> reminders;
    final List<ExceptionResolution> history;
    final List<ApprovalRequest> approvals;
    final List<CashierShift> shifts;
    final List<PosTransaction> transactions;
    final List<IntegrationMessage> messages;
    final List<InvoiceLabel> invoiceLabels;
    final List<ShiftLabel> shiftLabels;
    final List<TransactionLabel> transactionLabels;
    final List<DocumentLabel> documentLabels;

    final Map<String, Store> storeById;
    final Map<String, User> userById;
    final Map<String, Supplier> supplierById;
    final Map<String, Item> itemById;
    final Map<String, Cashier> cashierById;
    final Map<String, PurchaseOrder> orderById;
    final Map<String, Invoice> invoiceById;
    final Map<String, InvoiceLabel> labelByInvoice;
    final Map<String, CashierShift> shiftById;
    final Map<String, PosTransaction> transactionById;
    final Map<String, List<GoodsReceipt>> receiptsByOrder;

    DatasetIndex(SampleDataset d) {
        dataset = d;
        regions = d.readAll(DataFiles.REGIONS);
        stores = d.readAll(DataFiles.STORES);
        users = d.readAll(DataFiles.USERS);
        suppliers = d.readAll(DataFiles.SUPPLIERS);
        items = d.readAll(DataFiles.ITEMS);
        cashiers = d.readAll(DataFiles.CASHIERS);
        orders = d.readAll(DataFiles.PURCHASE_ORDERS);
        receipts = d.readAll(DataFiles.GOODS_RECEIPTS);
        invoices = d.readAll(DataFiles.INVOICES);
        creditNotes = d.readAll(DataFiles.CREDIT_NOTES);
        expenses = d.readAll(DataFiles.EXPENSE_INVOICES);
        statements = d.readAll(DataFiles.SUPPLIER_STATEMENTS);
        reminders = d.readAll(DataFiles.PAYMENT_REMINDERS);
        history = d.readAll(DataFiles.EXCEPTION_HISTORY);
        approvals = d.readAll(DataFiles.APPROVAL_REQUESTS);
        shifts = d.readAll(DataFiles.CASHIER_SHIFTS);
        transactions = d.readAll(DataFiles.POS_TRANSACTIONS);
        messages = d.readAll(DataFiles.INTEGRATION_MESSAGES);
        invoiceLabels = d.readAll(DataFiles.INVOICE_LABELS);
        shiftLabels = d.readAll(DataFiles.SHIFT_LABELS);
        transactionLabels = d.readAll(DataFiles.TRANSACTION_LABELS);
        documentLabels = d.readAll(DataFiles.DOCUMENT_LABELS);
        storeById = byId(stores, Store::id);
        userById = byId(users, User::id);
        supplierById = byId(suppliers, Supplier::id);
        itemById = byId(items, Item::id);
        cashierById = byId(cashiers, Cashier::id);
        orderById = byId(orders, PurchaseOrder::id);
        invoiceById = byId(invoices, Invoice::id);
        labelByInvoice = byId(invoiceLabels, InvoiceLabel::invoiceId);
        shiftById = byId(shifts, CashierShift::id);
        transactionById = byId(transactions, PosTransaction::id);
        receiptsByOrder = receipts.stream().collect(Collectors.groupingBy(GoodsReceipt::poId));
    }

    /** A map by id; fails on a duplicate id. */
    static <T> Map<String, T> byId(List<T> records, Function<T, String> id) {
        return records.stream().collect(Collectors.toMap(id, Function.identity(), (a, b) -> {
            throw new AssertionError("duplicate id " + id.apply(a));
        }));
    }
}
