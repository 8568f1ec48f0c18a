package io.backroom.sampledata.model;

/** One of the retailer's sales regions; every store and regional manager belongs to one. */
public record Region(String id, String name) {
}
