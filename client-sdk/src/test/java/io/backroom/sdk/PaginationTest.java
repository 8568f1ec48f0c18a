package io.backroom.sdk;

import static io.backroom.sdk.MockGateway.ok;
import static io.backroom.sdk.MockGateway.problem;
import static io.backroom.sdk.MockGateway.summary;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backroom.api.model.ChangeEvent;
import io.backroom.api.model.HoldCode;
import io.backroom.api.model.InvoiceStatus;
import io.backroom.api.model.InvoiceSummary;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PaginationTest {
    private final MockGateway gateway = new MockGateway();
    private final BackroomClient client = gateway.client().token("t").build();

    @AfterEach
    void stop() {
        client.close();
        gateway.close();
    }

    private static io.backroom.api.model.Page<InvoiceSummary> wirePage(String nextCursor, String... ids) {
        List<InvoiceSummary> items = new ArrayList<>();
        for (String id : ids) {
            items.add(summary(id));
        }
        return new io.backroom.api.model.Page<>(items, nextCursor);
    }

    @Test
    void walksEveryPageLazilyWithTheSameFilters() {
        gateway.enqueue(ok(wirePage("c2", "A", "B"))).enqueue(ok(wirePage("c3", "C"))).enqueue(ok(wirePage(null, "D", "E")));
        InvoiceListParams params = InvoiceListParams.builder().statuses(InvoiceStatus.ON_HOLD, InvoiceStatus.ROUTED_TO_BUYER)
                .holdCode(HoldCode.PRICE_VARIANCE).minTotal(new BigDecimal("100.50")).dueTo(LocalDate.of(2026, 12, 31))
                .sort(InvoiceListParams.Sort.DUE_DATE_DESC).limit(2).build();

        Page<InvoiceSummary> first = client.invoices().list(params);
        assertThat(first.items()).extracting(InvoiceSummary::id).containsExactly("A", "B");
        assertThat(first.hasNextPage()).isTrue();
        assertThat(gateway.server.getRequestCount()).isEqualTo(1);

        Iterator<InvoiceSummary> all = first.autoPager().iterator();
        List<String> ids = new ArrayList<>();
        all.forEachRemaining(s -> ids.add(s.id()));
        assertThat(ids).containsExactly("A", "B", "C", "D", "E");

        RecordedRequest request = gateway.take();
        assertThat(request.getUrl().encodedPath()).isEqualTo("/api/v1/invoices");
        assertThat(request.getUrl().queryParameter("status")).isEqualTo("ON_HOLD,ROUTED_TO_BUYER");
        assertThat(request.getUrl().queryParameter("holdCode")).isEqualTo("PRICE_VARIANCE");
        assertThat(request.getUrl().queryParameter("minTotal")).isEqualTo("100.50");
        assertThat(request.getUrl().queryParameter("dueTo")).isEqualTo("2026-12-31");
        assertThat(request.getUrl().queryParameter("sort")).isEqualTo("-dueDate");
        assertThat(request.getUrl().queryParameter("limit")).isEqualTo("2");
        assertThat(request.getUrl().queryParameter("cursor")).isNull();
        RecordedRequest second = gateway.take();
        assertThat(second.getUrl().queryParameter("cursor")).isEqualTo("c2");
        assertThat(second.getUrl().queryParameter("status")).isEqualTo("ON_HOLD,ROUTED_TO_BUYER");
        assertThat(gateway.take().getUrl().queryParameter("cursor")).isEqualTo("c3");
    }

    @Test
    void streamsItemsAndFetchesOnlyThePagesItNeeds() {
        gateway.enqueue(ok(wirePage("c2", "A", "B"))).enqueue(ok(wirePage("c3", "C", "D"))).enqueue(ok(wirePage(null, "E")));
        List<String> firstThree = client.invoices().list(InvoiceListParams.builder().build()).autoPager().stream()
                .limit(3).map(InvoiceSummary::id).toList();
        assertThat(firstThree).containsExactly("A", "B", "C");
        assertThat(gateway.server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void skipsEmptyPagesThatStillHaveACursor() {
        gateway.enqueue(ok(wirePage("c2"))).enqueue(ok(wirePage(null, "A")));
        assertThat(client.invoices().list(InvoiceListParams.builder().build()).autoPager().stream().count()).isEqualTo(1);
    }

    @Test
    void refusesToGoPastTheLastPage() {
        gateway.enqueue(ok(wirePage(null, "A")));
        Page<InvoiceSummary> page = client.invoices().list(InvoiceListParams.builder().build());
        assertThat(page.hasNextPage()).isFalse();
        assertThat(page.nextCursor()).isEmpty();
        assertThatThrownBy(page::nextPage).isInstanceOf(NoSuchElementException.class).hasMessageContaining("last page");
        Iterator<InvoiceSummary> it = page.autoPager().iterator();
        it.next();
        assertThatThrownBy(it::next).isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void surfacesAFailingLaterPageAsATypedError() {
        gateway.enqueue(ok(wirePage("c2", "A"))).enqueue(problem(400, "bad-request", "unknown cursor"));
        Iterator<InvoiceSummary> it = client.invoices().list(InvoiceListParams.builder().build()).autoPager().iterator();
        assertThat(it.next().id()).isEqualTo("A");
        assertThatThrownBy(it::hasNext).isInstanceOf(BadRequestException.class).hasMessageContaining("unknown cursor");
    }

    @Test
    void rejectsAPageSizeTheGatewayWouldRefuse() {
        assertThatThrownBy(() -> InvoiceListParams.builder().limit(501)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("between 1 and 500");
        assertThatThrownBy(() -> StoreListParams.builder().limit(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readsTheChangeFeedUntilItHasCaughtUp() {
        ChangeEvent e1 = new ChangeEvent("k1", "invoice.created", "invoice", "INV-1", 1, MockGateway.NOW);
        ChangeEvent e2 = new ChangeEvent("k2", "invoice.updated", "invoice", "INV-1", 2, MockGateway.NOW);
        gateway.enqueue(ok(new io.backroom.api.model.Page<>(List.of(e1, e2), "k2")))
                .enqueue(ok(new io.backroom.api.model.Page<>(List.<ChangeEvent>of(), "k2")));
        List<ChangeEvent> events = client.events().list(ChangeEventListParams.builder().after("k0").build()).autoPager().stream().toList();
        assertThat(events).containsExactly(e1, e2);
        assertThat(gateway.take().getUrl().queryParameter("after")).isEqualTo("k0");
        assertThat(gateway.take().getUrl().queryParameter("after")).isEqualTo("k2");
    }
}
