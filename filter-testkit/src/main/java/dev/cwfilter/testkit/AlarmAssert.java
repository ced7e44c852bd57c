package dev.cwfilter.testkit;

import dev.cwfilter.LogEvent;
import dev.cwfilter.MetricFilter;
import dev.cwfilter.StandardUnit;
import dev.cwfilter.metric.AlarmEvaluator;
import dev.cwfilter.metric.AlarmState;
import dev.cwfilter.metric.AlarmStateChange;
import dev.cwfilter.metric.FilterMetrics;
import dev.cwfilter.metric.MetricAggregator;
import dev.cwfilter.metric.MetricAlarm;
import dev.cwfilter.metric.PeriodStatistics;
import dev.cwfilter.metric.StatisticsQuery;
import dev.cwfilter.testkit.internal.Facts;
import dev.cwfilter.testkit.internal.FilterDescription;
import dev.cwfilter.testkit.internal.Times;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.Assertions;
import org.assertj.core.api.ListAssert;

/**
 * Assertions about how an alarm fed by a metric filter reacts to log events: "given events at these times, the alarm
 * goes to ALARM at 12:04". Start with {@link FilterAssertions#assertThatAlarm(MetricAlarm)}:
 *
 * <pre>{@code
 * assertThatAlarm(alarm).fedBy(filter)
 *         .givenEvents(at("12:03:14", getSecretValue), at("12:20:02", listSecrets))
 *         .goesTo(ALARM).at("12:04")
 *         .goesTo(OK).at("12:05");
 * }</pre>
 *
 * <p>The events go through the filter into its metric ({@link FilterMetrics}), and the alarm is replayed over that
 * metric ({@link AlarmEvaluator#replay()}): evaluated when each period ends, from the end of the first period with
 * data until trailing missing data has taken effect. So the data of 12:03:00–12:03:59 sends a one-minute alarm to
 * ALARM at <em>12:04</em>, when that period ends.
 *
 * <p>Times are UTC. A time of day ({@code "12:04"}) falls on the date of the earliest event given (or on 2026-11-21
 * if there is none); write a full timestamp ({@code "2026-11-22T00:01:00Z"}) for another date. Transitions print as
 * {@code 12:04 OK -> ALARM}.
 *
 * <p>The replay runs once, at the first assertion after {@link #givenEvents}. Not thread-safe, like every AssertJ
 * assertion.
 */
public final class AlarmAssert extends AbstractAssert<AlarmAssert, MetricAlarm> {

    private MetricFilter filter;
    private List<LogEvent> events;
    private Replay replay;

    AlarmAssert(MetricAlarm alarm) {
        super(alarm, AlarmAssert.class);
    }

    /** The metric filter whose metric the alarm watches. */
    public AlarmAssert fedBy(MetricFilter metricFilter) {
        this.filter = Objects.requireNonNull(metricFilter, "metricFilter");
        this.replay = null;
        return this;
    }

    /** The log events, in any order; see {@link FilterAssertions#at(String, String)}. */
    public AlarmAssert givenEvents(LogEvent... logEvents) {
        return givenEvents(Arrays.asList(logEvents));
    }

    /** The log events, in any order. */
    public AlarmAssert givenEvents(Iterable<LogEvent> logEvents) {
        List<LogEvent> list = new ArrayList<>();
        logEvents.forEach(e -> list.add(Objects.requireNonNull(e, "event")));
        this.events = list;
        this.replay = null;
        return this;
    }

    /**
     * Asserts that the alarm goes to this state at least once; the returned assertion can pin the time
     * ({@link AlarmTransitionAssert#at(String)}) and the reason.
     */
    public AlarmTransitionAssert goesTo(AlarmState state) {
        Objects.requireNonNull(state, "state");
        Replay r = replay();
        List<AlarmStateChange> into = r.into(state);
        if (into.isEmpty()) {
            fail(r.facts("the alarm to go to " + state));
        }
        return new AlarmTransitionAssert(this, r, state, into);
    }

    /** Asserts that the alarm never goes to this state. */
    public AlarmAssert neverGoesTo(AlarmState state) {
        Objects.requireNonNull(state, "state");
        Replay r = replay();
        if (!r.into(state).isEmpty()) {
            fail(r.facts("the alarm never to go to " + state));
        }
        return this;
    }

    /** Asserts the state the alarm is in after the replay (INSUFFICIENT_DATA if nothing ever changed it). */
    public AlarmAssert endsIn(AlarmState state) {
        Objects.requireNonNull(state, "state");
        Replay r = replay();
        if (r.evaluator.state() != state) {
            fail(r.facts("the alarm to end in " + state).add("actual", "ends in " + r.evaluator.state()));
        }
        return this;
    }

    /**
     * The transitions as text, {@code "12:04 OK -> ALARM"}, for AssertJ's list assertions:
     * {@code .transitions().containsExactly("12:01 INSUFFICIENT_DATA -> OK", "12:04 OK -> ALARM",
     * "12:05 ALARM -> OK")}.
     */
    public ListAssert<String> transitions() {
        Replay r = replay();
        List<String> lines = new ArrayList<>();
        for (AlarmStateChange c : r.changes) {
            lines.add(r.describe(c));
        }
        return Assertions.assertThat(lines).as("transitions of alarm %s", actual.alarmName());
    }

    Replay replay() {
        isNotNull();
        if (filter == null) {
            throw new IllegalStateException("say which metric filter feeds the alarm: fedBy(filter)");
        }
        if (events == null) {
            throw new IllegalStateException("give the log events: givenEvents(at(\"12:03:14\", message), ...)");
        }
        if (replay == null) {
            checkFilterFeedsAlarm();
            replay = new Replay(actual, filter, events);
        }
        return replay;
    }

    private void checkFilterFeedsAlarm() {
        String watched = actual.namespace() + "/" + actual.metricName();
        if (filter.metricNamespace().isPresent() && filter.metricName().isPresent()) {
            String published = filter.metricNamespace().get() + "/" + filter.metricName().get();
            if (!published.equals(watched)) {
                fail(new Facts().add("expected", "the filter to feed the alarm")
                        .add("alarm", actual.alarmName() + " watches " + watched)
                        .add("filter", FilterDescription.describe(filter))
                        .add("but", "the filter publishes " + published));
            }
        }
    }

    void fail(Facts facts) {
        failWithMessage("%s", facts.toString());
    }

    /** One replay of the alarm over the filter's metric, and how to tell about it. */
    static final class Replay {
        final MetricAlarm alarm;
        final MetricFilter filter;
        final List<LogEvent> events;
        final LocalDate date;
        final AlarmEvaluator evaluator;
        final List<AlarmStateChange> changes;
        final MetricAggregator metric;
        final long matched;

        Replay(MetricAlarm alarm, MetricFilter filter, List<LogEvent> events) {
            this.alarm = alarm;
            this.filter = filter;
            this.events = events;
            this.date = events.stream().map(LogEvent::timestamp).min(Comparator.naturalOrder())
                    .map(Times::dateOf).orElse(Times.DEFAULT_DATE);
            FilterMetrics metrics = FilterMetrics.of(filter).acceptAll(events);
            this.metric = metrics.metric(alarm.dimensions());
            this.evaluator = new AlarmEvaluator(alarm, metric);
            this.changes = evaluator.replay();
            this.matched = events.stream().filter(e -> filter.pattern().matches(e.message())).count();
        }

        List<AlarmStateChange> into(AlarmState state) {
            List<AlarmStateChange> out = new ArrayList<>();
            for (AlarmStateChange c : changes) {
                if (c.newState() == state) {
                    out.add(c);
                }
            }
            return out;
        }

        long time(String text) {
            return Times.parse(text, date).toEpochMilli();
        }

        String format(long time) {
            return Times.format(time, date);
        }

        String describe(AlarmStateChange c) {
            return format(c.timestamp()) + " " + c.oldState() + " -> " + c.newState();
        }

        Facts facts(String expectation) {
            Facts facts = new Facts().add("expected", expectation)
                    .add("alarm", describeAlarm())
                    .add("filter", FilterDescription.describe(filter))
                    .add("events", describeEvents())
                    .add("metric", describeMetric())
                    .add("transitions", changes.isEmpty() ? "none" : String.join("\n",
                            changes.stream().map(this::describe).toList()));
            if (alarm.unit().isPresent() && alarm.unit().get() != filter.unit()) {
                facts.add("note", "the alarm evaluates only data in " + alarm.unit().get() + "; the filter publishes "
                        + (filter.unit() == StandardUnit.NONE ? "no unit (None)" : filter.unit().toString()));
            }
            return facts;
        }

        private String describeAlarm() {
            return alarm.alarmName() + ": " + alarm.statistic().awsName() + " of " + alarm.namespace() + "/"
                    + alarm.metricName() + " over " + alarm.periodSeconds() + " s " + alarm.comparisonOperator()
                    .phrase() + " " + alarm.threshold() + ", " + alarm.datapointsToAlarm() + " of "
                    + alarm.evaluationPeriods() + " periods, missing data " + alarm.treatMissingData();
        }

        private String describeEvents() {
            if (events.isEmpty()) {
                return "none";
            }
            long first = events.stream().mapToLong(LogEvent::timestamp).min().getAsLong();
            long last = events.stream().mapToLong(LogEvent::timestamp).max().getAsLong();
            return events.size() + (events.size() == 1 ? " at " + format(first)
                    : " from " + format(first) + " to " + format(last)) + ", " + matched + " matched by the filter";
        }

        private String describeMetric() {
            if (metric.earliestTimestamp().isEmpty()) {
                return "no datapoints" + (alarm.dimensions().isEmpty() ? "" : " with dimensions "
                        + alarm.dimensions());
            }
            long period = alarm.periodSeconds() * 1000L;
            long start = Math.floorDiv(metric.earliestTimestamp().getAsLong(), period) * period;
            long end = Math.floorDiv(metric.latestTimestamp().getAsLong(), period) * period + period;
            StatisticsQuery query = StatisticsQuery.of(start, end, alarm.periodSeconds(), alarm.statistic());
            if (alarm.unit().isPresent()) {
                query = query.withUnit(alarm.unit().get());
            }
            List<String> values = new ArrayList<>();
            List<PeriodStatistics> periods = metric.getMetricStatistics(query);
            for (PeriodStatistics p : periods) {
                if (values.size() == 12) {
                    values.add("… (" + periods.size() + " periods)");
                    break;
                }
                values.add(format(p.timestamp()) + " " + p.value(alarm.statistic()).stream()
                        .mapToObj(String::valueOf).findFirst().orElse("(unavailable)"));
            }
            return alarm.statistic().awsName() + " per " + alarm.periodSeconds() + " s period: "
                    + String.join(", ", values);
        }
    }
}
