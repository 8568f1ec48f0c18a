package io.backroom.ml.pos;

import io.backroom.ml.data.DatasetDir;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads cashier shifts and their POS transactions from a data-set folder into per-shift accumulators. */
final class ShiftJournal {
    final List<ShiftFeatures.Accumulator> shifts;
    final ZoneId zone;

    private ShiftJournal(List<ShiftFeatures.Accumulator> shifts, ZoneId zone) {
        this.shifts = shifts;
        this.zone = zone;
    }

    static ShiftJournal read(DatasetDir data) {
        Map<String, ShiftFeatures.Accumulator> byId = new LinkedHashMap<>();
        if (data.has("cashier-shifts")) {
            data.forEach("cashier-shifts", s -> byId.computeIfAbsent(s.path("id").asText(), ShiftFeatures.Accumulator::new).addShift(s));
        }
        data.forEach("pos-transactions", tx -> byId.computeIfAbsent(tx.path("shiftId").asText(), ShiftFeatures.Accumulator::new)
                .addTransaction(tx));
        ZoneId zone = ZoneId.of(data.manifest().path("timeZone").asText("UTC"));
        List<ShiftFeatures.Accumulator> shifts = new ArrayList<>();
        for (ShiftFeatures.Accumulator a : byId.values()) {
            if (a.transactions > 0) {
                shifts.add(a);
            }
        }
        return new ShiftJournal(shifts, zone);
    }

    /** Fraud labels by shift id, from {@code labels/shift-labels} (evaluation and supervised training only). */
    static Map<String, Integer> labels(DatasetDir data) {
        Map<String, Integer> labels = new LinkedHashMap<>();
        if (data.has("labels/shift-labels")) {
            data.forEach("labels/shift-labels", l -> labels.put(l.path("shiftId").asText(), l.path("fraud").asBoolean() ? 1 : 0));
        }
        return labels;
    }
}
