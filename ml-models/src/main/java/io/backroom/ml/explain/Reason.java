package io.backroom.ml.explain;

/**
 * One reason behind a model output, in plain words for the person reading the queue.
 *
 * @param feature the input the reason is about (a column or feature name)
 * @param text    the sentence shown to the user
 * @param weight  how much this reason contributed; reasons are listed by decreasing weight
 */
public record Reason(String feature, String text, double weight) {
}
