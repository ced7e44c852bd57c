package dev.cwfilter.internal.eval.json;

/**
 * The values of a matcher's leaves known so far in one evaluation, by matcher leaf: {@link Formula#TRUE},
 * {@link Formula#FALSE} or {@link Formula#UNKNOWN}. {@link Formula} reads them through this view, so that it depends on
 * no evaluation state ({@link JsonState} provides it).
 */
interface LeafValues {

    byte leafValue(int leaf);
}
