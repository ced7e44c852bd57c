/**
 * A metric filter's metric transformation behind {@link dev.cwfilter.MetricFilter}: the value and dimension
 * expressions read into sources ({@link dev.cwfilter.internal.transform.ValueSources}), the datapoint a matched event
 * publishes ({@link dev.cwfilter.internal.transform.MetricTransformation}), and the stream of datapoints and default
 * values ({@link dev.cwfilter.internal.transform.DatapointStream}). Uses the public value types ({@code Datapoint},
 * {@code StandardUnit}, {@code DefaultValueMode}), {@code ast}, {@code internal.parse} (selectors),
 * {@code internal.compile} (the JSON factory), {@code internal.eval.value} (field requests, numbers) and
 * {@code internal.eval.json} (the JSON field reader).
 */
package dev.cwfilter.internal.transform;
