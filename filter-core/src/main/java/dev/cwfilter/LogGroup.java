package dev.cwfilter;

import dev.cwfilter.ast.Selector;
import dev.cwfilter.internal.eval.prefilter.SetPrefilter;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A CloudWatch Logs log group's filters — its metric filters (up to {@value #MAX_METRIC_FILTERS}) and subscription
 * filters (up to {@value #MAX_SUBSCRIPTION_FILTERS}) — evaluated together on every event, as CloudWatch does.
 *
 * <pre>{@code
 * LogGroup group = LogGroup.builder().name("CloudTrail/logs")
 *         .metricFilter(secretReads).metricFilter(deletedSecretReads)
 *         .subscriptionFilter(SubscriptionFilter.of("to-siem", FilterPattern.compile("{ $.errorCode = * }")))
 *         .build();
 * LogGroup.Emitter emitter = group.emitter(listener);   // one per thread
 * events.forEach(emitter::accept);
 * emitter.flush();
 * }</pre>
 *
 * <p>For each event, metric filter {@code i} publishes exactly the datapoints {@code metricFilters().get(i)} publishes
 * on its own ({@link MetricFilter#emitter}), and subscription filter {@code j} matches exactly when its pattern does.
 * {@link dev.cwfilter.metric.LogGroupMetrics} keeps the metrics the filters publish.
 *
 * <p>Instances are immutable and thread-safe; an {@link Emitter} is not (it holds the per-minute state of default
 * values) — use one per thread.
 */
public final class LogGroup {

    /** CloudWatch's quota of metric filters per log group (it cannot be raised). */
    public static final int MAX_METRIC_FILTERS = 100;
    /** CloudWatch's quota of subscription filters per log group (it cannot be raised). */
    public static final int MAX_SUBSCRIPTION_FILTERS = 2;

    private final String name;
    private final List<MetricFilter> metricFilters;
    private final List<SubscriptionFilter> subscriptionFilters;
    private final PatternSet patterns;
    /** The same patterns, the JSON ones also capturing the metric filters' values and dimensions in their walk. */
    private final PatternSet evaluation;

    private LogGroup(Builder b) {
        this.name = b.name;
        this.metricFilters = List.copyOf(b.metricFilters);
        this.subscriptionFilters = List.copyOf(b.subscriptionFilters);
        List<FilterPattern> all = new ArrayList<>();
        List<List<Selector>> captures = new ArrayList<>();
        metricFilters.forEach(f -> {
            all.add(f.pattern());
            captures.add(f.jsonSelectors());
        });
        subscriptionFilters.forEach(f -> {
            all.add(f.pattern());
            captures.add(List.of());
        });
        this.patterns = PatternSet.of(all);
        this.evaluation = PatternSet.withCaptures(all, captures);
    }

    /** A builder of a log group. */
    public static Builder builder() {
        return new Builder();
    }

    /** The log group's name, if it was given one. */
    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    /** The metric filters, in the order they were added (a filter's index is its position here). */
    public List<MetricFilter> metricFilters() {
        return metricFilters;
    }

    /** The subscription filters, in the order they were added. */
    public List<SubscriptionFilter> subscriptionFilters() {
        return subscriptionFilters;
    }

    /**
     * Every filter's pattern as one set: the metric filters' patterns at their indexes, then the subscription filters'
     * patterns at {@code metricFilters().size() + j}.
     */
    public PatternSet patterns() {
        return patterns;
    }

    /** An emitter that sends what each event publishes and matches to the listener. */
    public Emitter emitter(Listener listener) {
        return new Emitter(Objects.requireNonNull(listener, "listener"));
    }

    @Override
    public String toString() {
        return "LogGroup[" + (name == null ? "" : name + ", ") + metricFilters.size() + " metric filters, "
                + subscriptionFilters.size() + " subscription filters]";
    }

    /**
     * What a log group's filters publish and match. Called on the thread that feeds the {@link Emitter}, in event
     * order; for one event: each metric filter's match, then its datapoint (if any), in filter order, then the
     * subscription filters' matches.
     */
    public interface Listener {
        /**
         * Metric filter {@code metricFilter} published a datapoint: its value on a match, or its default value.
         *
         * @param metricFilter the filter's index in {@link #metricFilters()}
         * @param datapoint    the datapoint
         */
        void datapoint(int metricFilter, Datapoint datapoint);

        /**
         * The pattern of metric filter {@code metricFilter} matched an event (whether or not the match published a
         * datapoint: a match whose value is missing or not a number publishes nothing).
         *
         * @param metricFilter the filter's index in {@link #metricFilters()}
         * @param event        the event
         */
        default void metricFilterMatched(int metricFilter, LogEvent event) {
        }

        /**
         * Subscription filter {@code subscriptionFilter} matched an event: CloudWatch would deliver it.
         *
         * @param subscriptionFilter the filter's index in {@link #subscriptionFilters()}
         * @param event              the event
         */
        default void subscriptionFilterMatched(int subscriptionFilter, LogEvent event) {
        }
    }

    /**
     * Feeds events through every filter of the log group. Not thread-safe: use one per thread, and {@link #flush()}
     * it at the end for filters whose default value is published once per minute without a match.
     */
    public final class Emitter {
        private final Listener listener;
        private final MetricFilter.Emitter[] emitters;
        private final BitSet matched = new BitSet();
        /**
         * The metric filters with a default value, as bits: every event is offered to them. Any other publishes
         * nothing for an event it does not match, and its emitter is not called for it (most of a large log group's
         * filters match few events).
         */
        private final long[] loud;
        /** The metric filters the set does not evaluate in a shared walk, as bits: each evaluates its own pattern. */
        private final long[] alone;
        /** Per event, the metric filters it is offered to (see {@link #accept}). */
        private final long[] visited;

        private Emitter(Listener listener) {
            this.listener = listener;
            this.emitters = new MetricFilter.Emitter[metricFilters.size()];
            int words = (emitters.length + 63) >>> 6;
            this.loud = new long[words];
            this.alone = new long[words];
            this.visited = new long[words];
            for (int i = 0; i < emitters.length; i++) {
                int index = i;
                emitters[i] = metricFilters.get(i).emitter(d -> listener.datapoint(index, d));
                if (metricFilters.get(i).defaultValue().isPresent()) {
                    loud[i >>> 6] |= 1L << i;
                }
                if (!evaluation.shared(i)) {
                    alone[i >>> 6] |= 1L << i;
                }
            }
        }

        /**
         * Evaluates one event with every filter and tells the listener what it publishes and matches. The JSON
         * patterns are evaluated together in one walk of the event, which also takes the values and dimensions
         * ({@code $.field}) of the metric filters that match; the other patterns each in one pass of their own, which
         * for a space-delimited pattern also takes its fields. No event is read a second time for its values.
         */
        public void accept(LogEvent event) {
            Objects.requireNonNull(event, "event");
            String message = event.message();
            long[] mayMatch = evaluation.matchesShared(message, matched);
            // The event is offered, in filter order, only to the metric filters it can concern: those it matched in
            // the shared walk, those with a default value, and those evaluated alone that the set's prefilter let
            // through. Any other is a filter without a default value that did not match, to which the event
            // publishes nothing: most of a log group's filters, for most events.
            long[] visit = visited;
            for (int w = 0; w < visit.length; w++) {
                visit[w] = loud[w] | (mayMatch == null ? alone[w] : alone[w] & mayMatch[w]);
            }
            for (int i = matched.nextSetBit(0); i >= 0 && i < emitters.length; i = matched.nextSetBit(i + 1)) {
                visit[i >>> 6] |= 1L << i;
            }
            for (int w = 0; w < visit.length; w++) {
                for (long bits = visit[w]; bits != 0; bits &= bits - 1) {
                    offer(event, (w << 6) + Long.numberOfTrailingZeros(bits), mayMatch);
                }
            }
            int first = emitters.length;
            for (int j = 0; j < subscriptionFilters.size(); j++) {
                boolean hit = evaluation.shared(first + j) ? matched.get(first + j)
                        : (mayMatch == null || SetPrefilter.survived(first + j, mayMatch))
                        && subscriptionFilters.get(j).pattern().matches(message);
                if (hit) {
                    listener.subscriptionFilterMatched(j, event);
                }
            }
            evaluation.ended();
        }

        /**
         * Offers the event just evaluated to metric filter {@code i}, one that it concerns: matched in the shared walk,
         * with a default value, or evaluated alone (and then let through by the prefilter unless it has a default).
         */
        private void offer(LogEvent event, int i, long[] mayMatch) {
            boolean hit;
            if (evaluation.shared(i)) {
                hit = matched.get(i);
                emitters[i].offerEvaluated(event, hit, hit ? captured(i) : null);
            } else if (mayMatch != null && !SetPrefilter.survived(i, mayMatch)) {
                // The set's prefilter found a literal the pattern needs missing: no match, nothing read.
                hit = false;
                emitters[i].offerEvaluated(event, false, null);
            } else {
                hit = emitters[i].offer(event);
            }
            if (hit) {
                listener.metricFilterMatched(i, event);
            }
        }

        /** The values metric filter {@code i} captured from the event just evaluated. */
        private String[] captured(int i) {
            int n = metricFilters.get(i).jsonSelectors().size();
            String[] values = new String[n];
            for (int k = 0; k < n; k++) {
                values[k] = evaluation.captured(i, k);
            }
            return values;
        }

        /** {@link #accept(LogEvent)} for a message given as UTF-8 bytes. */
        public void accept(long timestamp, byte[] utf8, int offset, int length) {
            Objects.checkFromIndexSize(offset, length, utf8.length);
            accept(new LogEvent(timestamp, PatternSet.decode(utf8, offset, length)));
        }

        /**
         * Publishes the per-minute default values ({@link DefaultValueMode#ONCE_PER_MINUTE_WITHOUT_MATCH}) of the
         * minutes seen so far that had events but no match, and forgets those minutes.
         */
        public void flush() {
            for (MetricFilter.Emitter emitter : emitters) {
                emitter.flush();
            }
        }

        /**
         * {@link #flush()} for the minutes that end at or before {@code time} only (see
         * {@link MetricFilter.Emitter#flushBefore(long)}): what a live runtime calls as time passes.
         */
        public void flushBefore(long time) {
            for (MetricFilter.Emitter emitter : emitters) {
                emitter.flushBefore(time);
            }
        }
    }

    /** Builds a {@link LogGroup}. Not thread-safe; the log groups it builds are. */
    public static final class Builder {
        private String name;
        private final List<MetricFilter> metricFilters = new ArrayList<>();
        private final List<SubscriptionFilter> subscriptionFilters = new ArrayList<>();

        private Builder() {
        }

        /** The log group's name: 1 to 512 characters of {@code [.\-_/#A-Za-z0-9]}, as CreateLogGroup allows. */
        public Builder name(String value) {
            Objects.requireNonNull(value, "name");
            if (value.isEmpty() || value.length() > 512 || !value.matches("[.\\-_/#A-Za-z0-9]+")) {
                throw new IllegalArgumentException("log group name '" + value + "' must be 1 to 512 characters of"
                        + " letters, digits and . - _ / #");
            }
            name = value;
            return this;
        }

        /** Adds a metric filter; it must publish a metric (namespace and name set). */
        public Builder metricFilter(MetricFilter filter) {
            Objects.requireNonNull(filter, "filter");
            String label = filter.filterName().map(n -> "metric filter '" + n + "'")
                    .orElse("metric filter " + metricFilters.size());
            if (filter.metricNamespace().isEmpty() || filter.metricName().isEmpty()) {
                throw new IllegalArgumentException(label + " publishes no metric: a log group's metric filters need"
                        + " a metric namespace and name");
            }
            metricFilters.add(filter);
            return this;
        }

        /** Adds metric filters. */
        public Builder metricFilters(Iterable<MetricFilter> filters) {
            filters.forEach(this::metricFilter);
            return this;
        }

        /** Adds a subscription filter. */
        public Builder subscriptionFilter(SubscriptionFilter filter) {
            subscriptionFilters.add(Objects.requireNonNull(filter, "filter"));
            return this;
        }

        /**
         * Checks CloudWatch's quotas and that filter names are unique, and builds the log group.
         *
         * @throws IllegalArgumentException if the group has more filters than CloudWatch allows, or two filters of
         *                                  one kind share a name
         */
        public LogGroup build() {
            if (metricFilters.size() > MAX_METRIC_FILTERS) {
                throw new IllegalArgumentException("a log group has at most " + MAX_METRIC_FILTERS
                        + " metric filters (CloudWatch's quota), not " + metricFilters.size());
            }
            if (subscriptionFilters.size() > MAX_SUBSCRIPTION_FILTERS) {
                throw new IllegalArgumentException("a log group has at most " + MAX_SUBSCRIPTION_FILTERS
                        + " subscription filters (CloudWatch's quota), not " + subscriptionFilters.size());
            }
            Set<String> names = new HashSet<>();
            for (MetricFilter f : metricFilters) {
                f.filterName().filter(n -> !names.add(n)).ifPresent(n -> {
                    throw new IllegalArgumentException("two metric filters are named '" + n + "'");
                });
            }
            names.clear();
            for (SubscriptionFilter f : subscriptionFilters) {
                if (!names.add(f.filterName())) {
                    throw new IllegalArgumentException("two subscription filters are named '" + f.filterName() + "'");
                }
            }
            return new LogGroup(this);
        }
    }
}
