package io.backroom.ml.priority;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QueueValueTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 2);

    @Test
    void anItemDueTodayOrOverdueCountsInFullAndOneDueInAWeekHalf() {
        assertThat(QueueValue.deadlineWeight(TODAY, TODAY)).isEqualTo(1.0);
        assertThat(QueueValue.deadlineWeight(TODAY, TODAY.minusDays(10))).isEqualTo(1.0);
        assertThat(QueueValue.deadlineWeight(TODAY, TODAY.plusDays(7))).isCloseTo(0.5, within(1e-12));
        assertThat(QueueValue.deadlineWeight(TODAY, TODAY.plusDays(28))).isCloseTo(0.2, within(1e-12));
        assertThat(QueueValue.deadlineWeight(TODAY, null)).isEqualTo(QueueValue.deadlineWeight(TODAY, TODAY.plusDays(30)));
        assertThat(QueueValue.of(-200, TODAY, TODAY.plusDays(7))).isCloseTo(100, within(1e-9));
    }

    @Test
    void theOracleOrderCapturesAllOfItsOwnValueAndTheReverseOrderLess() {
        Map<String, Double> value = new LinkedHashMap<>();
        value.put("a", 0.0);
        value.put("b", 50.0);
        value.put("c", 10.0);
        value.put("d", 0.0);
        value.put("e", 40.0);
        assertThat(QueueValue.oracleOrder(value)).containsExactly("b", "e", "c", "a", "d");
        assertThat(QueueValue.oracleShare(QueueValue.oracleOrder(value), value, 0.4)).isEqualTo(1.0);
        // first 40 % = two items: the oracle takes b + e = 90, this order c + b = 60
        assertThat(QueueValue.oracleShare(List.of("c", "b", "e", "a", "d"), value, 0.4)).isCloseTo(60 / 90.0, within(1e-12));
        assertThat(QueueValue.oracleShare(List.of("a", "d", "c", "e", "b"), value, 0.4)).isEqualTo(0.0);
    }

    @Test
    void aQueueWithNothingToRecoverHasNoShare() {
        assertThat(QueueValue.oracleShare(List.of("a", "b"), Map.of("a", 0.0, "b", 0.0), 0.5)).isEqualTo(0.0);
    }
}
