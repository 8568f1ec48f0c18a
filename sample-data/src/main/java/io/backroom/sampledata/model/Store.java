package io.backroom.sampledata.model;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * A store. Opening hours are local wall-clock times in the data set's time zone (see the manifest).
 *
 * @param registers number of POS registers, numbered 1..registers
 */
public record Store(String id, String name, String regionId, String city, StoreSizeTier sizeTier,
        LocalTime opensAt, LocalTime closesAt, int registers, LocalDate openedOn) {
}
