package io.backroom.sdk;

import io.backroom.api.model.DecisionRequest;
import io.backroom.api.model.DecisionResult;
import io.backroom.api.model.DecisionType;
import io.backroom.api.model.Invoice;
import io.backroom.api.model.InvoiceStatus;
import io.backroom.api.model.InvoiceSummary;
import java.io.PrintStream;
import java.time.Duration;
import java.util.function.Supplier;

/** The usage example of {@code client-sdk/README.md}, verbatim between the markers; {@link ReadmeExampleTest} checks and runs it. */
final class ReadmeExample {
    private ReadmeExample() {
    }

    static void run(String gatewayUrl, Supplier<char[]> password, PrintStream out) {
        // README:begin
        try (BackroomClient client = BackroomClient.builder()
                .baseUrl(gatewayUrl)
                .credentials("ap.clerk", password)       // a token is obtained and refreshed for you
                .timeout(Duration.ofSeconds(20))
                .maxRetries(3)
                .build()) {

            // The triage queue: every held invoice, due soonest first, fetched 100 at a time.
            InvoiceListParams held = InvoiceListParams.builder()
                    .statuses(InvoiceStatus.ON_HOLD)
                    .sort(InvoiceListParams.Sort.DUE_DATE)
                    .limit(100)
                    .build();
            for (InvoiceSummary invoice : client.invoices().list(held).autoPager()) {
                out.println(invoice.id() + " due " + invoice.dueDate() + " " + invoice.total() + " " + invoice.holdCodes());
            }

            // Release one, based on the version we looked at.
            Invoice invoice = client.invoices().get("INV-1001");
            try {
                DecisionResult result = client.invoices().decide(invoice.id(), invoice.version(),
                        new DecisionRequest(DecisionType.RELEASE, null, "price confirmed by phone", null));
                out.println("released, now " + result.invoice().status());
            } catch (PreconditionFailedException e) {
                out.println("changed meanwhile (now version " + e.currentVersion().orElse("?") + "): reload and decide again");
            } catch (ForbiddenException e) {
                out.println("not allowed: " + e.detail());
            }
        }
        // README:end
    }
}
