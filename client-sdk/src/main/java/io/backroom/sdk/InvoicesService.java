package io.backroom.sdk;

import io.backroom.api.model.DecisionRequest;
import io.backroom.api.model.DecisionResult;
import io.backroom.api.model.Invoice;
import io.backroom.api.model.InvoiceSummary;
import io.backroom.api.model.NewInvoice;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Supplier invoices and credit notes: intake, the triage list, decisions and the supplier's PDF.
 * Get it from {@link BackroomClient#invoices()}. Every POST carries an {@code Idempotency-Key}
 * (generated once per call unless {@link RequestOptions} names one), so it is retried safely.
 */
public interface InvoicesService extends ListableResource<InvoiceSummary, InvoiceListParams>,
        CreatableResource<Invoice, NewInvoice> {
    /**
     * {@code POST /api/v1/invoices}: stores and three-way matches an invoice; it comes back matched or on hold.
     * (The list, {@code GET /api/v1/invoices}, is of {@link InvoiceSummary summaries}: see {@link ListableResource}.)
     */
    @Override
    Invoice create(NewInvoice invoice, RequestOptions options);

    /** {@code GET /api/v1/invoices/{id}}: header, lines and their match, holds, posting, history and version. */
    Invoice get(String id, RequestOptions options);

    /** {@link #get(String, RequestOptions)} with the client's options. */
    default Invoice get(String id) {
        return get(id, RequestOptions.NONE);
    }

    /**
     * Corrects a held invoice keyed wrongly ({@code PATCH /api/v1/invoices/{id}} with {@code If-Match: version}): only
     * the fields given change and the invoice is matched again. A correction never releases the invoice, and the
     * person who corrected it may not release it afterwards.
     *
     * @throws PreconditionFailedException when the invoice changed since {@code version}
     */
    Invoice correct(String id, long version, io.backroom.api.model.InvoiceCorrection correction, RequestOptions options);

    /** {@link #correct(String, long, io.backroom.api.model.InvoiceCorrection, RequestOptions)} with default options. */
    default Invoice correct(String id, long version, io.backroom.api.model.InvoiceCorrection correction) {
        return correct(id, version, correction, RequestOptions.NONE);
    }

    /**
     * Several full invoices in one request ({@code GET /api/v1/invoice-details}): at most 100 ids; ids that name no
     * invoice are left out of the answer. Cheaper than one {@link #get} per invoice, and one request against the
     * server's rate limit.
     *
     * @throws IllegalArgumentException with more than 100 distinct ids
     */
    java.util.List<Invoice> getMany(java.util.Collection<String> ids, RequestOptions options);

    /** {@link #getMany(java.util.Collection, RequestOptions)} with the client's default options. */
    default java.util.List<Invoice> getMany(java.util.Collection<String> ids) {
        return getMany(ids, RequestOptions.NONE);
    }

    /**
     * {@code POST /api/v1/invoices/{id}/decisions}: release, reject, request credit, route to a buyer or hold.
     *
     * @param version the invoice version the decision was based on (sent as {@code If-Match}); a newer
     *                version on the gateway fails the call with {@link PreconditionFailedException}
     */
    DecisionResult decide(String id, long version, DecisionRequest decision, RequestOptions options);

    /** {@link #decide(String, long, DecisionRequest, RequestOptions)} with the client's options. */
    default DecisionResult decide(String id, long version, DecisionRequest decision) {
        return decide(id, version, decision, RequestOptions.NONE);
    }

    /**
     * {@code PUT /api/v1/invoices/{id}/document}: attaches the supplier's PDF, streamed from the file.
     *
     * @param version the invoice's current version ({@code If-Match})
     * @return the invoice's new version
     */
    long attachDocument(String id, long version, Path pdf, RequestOptions options);

    /** {@link #attachDocument(String, long, Path, RequestOptions)} with the client's options. */
    default long attachDocument(String id, long version, Path pdf) {
        return attachDocument(id, version, pdf, RequestOptions.NONE);
    }

    /** {@code GET /api/v1/invoices/{id}/document}: the supplier's PDF, streamed; close the download. */
    Download document(String id, RequestOptions options);

    /** {@link #document(String, RequestOptions)} with the client's options. */
    default Download document(String id) {
        return document(id, RequestOptions.NONE);
    }

    /** Where this service's {@code ...Async} variants run: the client's async executor. */
    @Override
    Executor asyncExecutor();

    /** {@link #get(String)} on the client's async executor; the future fails with the call's {@link BackroomException}. */
    default CompletableFuture<Invoice> getAsync(String id) {
        return CompletableFuture.supplyAsync(() -> get(id), asyncExecutor());
    }

    /** {@link #decide(String, long, DecisionRequest)} on the client's async executor; the future fails with the call's {@link BackroomException}. */
    default CompletableFuture<DecisionResult> decideAsync(String id, long version, DecisionRequest decision) {
        return CompletableFuture.supplyAsync(() -> decide(id, version, decision), asyncExecutor());
    }

    /** {@link #document(String)} on the client's async executor; close the download the future yields. */
    default CompletableFuture<Download> documentAsync(String id) {
        return CompletableFuture.supplyAsync(() -> document(id), asyncExecutor());
    }
}
