package dev.cwfilter.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cwfilter.live.LatenessRule.Verdict;
import dev.cwfilter.metric.AlarmComparisonOperator;
import dev.cwfilter.metric.MetricAlarm;
import dev.cwfilter.metric.Statistic;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LatenessRuleTest {

    static final long NOON = Instant.parse("2026-11-21T12:00:00Z").toEpochMilli();
    static final long MINUTE = 60_000;

    static MetricAlarm alarm(String name, int periodSeconds, int n) {
        return MetricAlarm.builder().alarmName(name).namespace("App").metricName("Errors").statistic(Statistic.SUM)
                .periodSeconds(periodSeconds).evaluationPeriods(n).threshold(1)
                .comparisonOperator(AlarmComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD).build();
    }

    @Test
    void theWatermarkTrailsNowByTheLateness() {
        LatenessRule rule = LatenessRule.of(Duration.ofMinutes(1), List.of());
        assertThat(rule.watermark(NOON)).isEqualTo(NOON - MINUTE);
        assertThat(rule.watermark(LatenessRule.NO_TIME)).isEqualTo(LatenessRule.NO_TIME);
        assertThat(rule.watermark(Long.MIN_VALUE + 5)).isGreaterThan(LatenessRule.NO_TIME);
        assertThatThrownBy(() -> LatenessRule.of(Duration.ofSeconds(-1), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theHorizonIsTheOldestPeriodTheNextEvaluationLooksAt() {
        // 3 of 3 over 1 minute: the next evaluation after 12:10:30 is at 12:11 and looks at 12:06..12:11.
        long w = NOON + 10 * MINUTE + 30_000;
        assertThat(LatenessRule.horizon(alarm("a", 60, 3), w)).isEqualTo(NOON + 6 * MINUTE);
        // 1 of 1 over 5 minutes: next at 12:15, looks at 12:00..12:15.
        assertThat(LatenessRule.horizon(alarm("b", 300, 1), w)).isEqualTo(NOON);
        LatenessRule rule = LatenessRule.of(Duration.ZERO, List.of(alarm("a", 60, 3), alarm("b", 300, 1)));
        assertThat(rule.horizon(w)).isEqualTo(NOON);
        assertThat(LatenessRule.of(Duration.ZERO, List.of()).horizon(w)).isEqualTo(w);
    }

    @Test
    void eventsAreOnTimeLateTooLateOrTooFarAhead() {
        LatenessRule rule = LatenessRule.of(Duration.ofMinutes(1), List.of(alarm("a", 60, 1)))
                .withMaxAhead(Duration.ofHours(2));
        long now = NOON + 10 * MINUTE + 30_000;
        long w = rule.watermark(now);
        assertThat(rule.classify(w, w, now)).isEqualTo(Verdict.ON_TIME);
        assertThat(rule.classify(now + 5, w, now)).isEqualTo(Verdict.ON_TIME);
        assertThat(rule.classify(w - 1, w, now)).isEqualTo(Verdict.LATE);
        // Next evaluation at 12:10 looks at 12:07, 12:08, 12:09: the horizon is 12:07.
        assertThat(rule.horizon(w)).isEqualTo(NOON + 7 * MINUTE);
        assertThat(rule.classify(NOON + 7 * MINUTE, w, now)).isEqualTo(Verdict.LATE);
        assertThat(rule.classify(NOON + 7 * MINUTE - 1, w, now)).isEqualTo(Verdict.TOO_LATE);
        assertThat(rule.classify(now + Duration.ofHours(2).toMillis(), w, now)).isEqualTo(Verdict.ON_TIME);
        assertThat(rule.classify(now + Duration.ofHours(2).toMillis() + 1, w, now)).isEqualTo(Verdict.TOO_FAR_AHEAD);
        assertThat(rule.classify(Long.MAX_VALUE, w, -now)).isEqualTo(Verdict.TOO_FAR_AHEAD);
        assertThat(rule.classify(NOON - 99 * MINUTE, LatenessRule.NO_TIME, LatenessRule.NO_TIME))
                .isEqualTo(Verdict.ON_TIME);
        assertThat(LatenessRule.of(Duration.ZERO, List.of()).classify(Long.MAX_VALUE, w, now))
                .as("no maximum lead").isEqualTo(Verdict.ON_TIME);
    }
}
