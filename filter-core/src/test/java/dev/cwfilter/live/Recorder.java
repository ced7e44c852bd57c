package dev.cwfilter.live;

import dev.cwfilter.LogEvent;
import dev.cwfilter.metric.AlarmListener;
import dev.cwfilter.metric.AlarmStateChange;
import dev.cwfilter.metric.MetricAlarm;
import dev.cwfilter.metric.MetricId;
import dev.cwfilter.metric.PeriodStatistics;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Records everything a monitor tells, from its thread; read after sync() or close(). */
final class Recorder implements MonitorListener, AlarmListener {

    record Published(MetricId metric, PeriodStatistics statistics) {
    }

    final List<AlarmStateChange> transitions = Collections.synchronizedList(new ArrayList<>());
    final List<Published> datapoints = Collections.synchronizedList(new ArrayList<>());
    final List<Rejection> rejections = Collections.synchronizedList(new ArrayList<>());
    final List<LogEvent> late = Collections.synchronizedList(new ArrayList<>());
    final List<LogEvent> invalidUtf8 = Collections.synchronizedList(new ArrayList<>());
    final List<RuntimeException> failures = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void onStateChange(MetricAlarm alarm, AlarmStateChange change) {
        transitions.add(change);
    }

    @Override
    public void datapoint(MetricId metric, PeriodStatistics statistics) {
        datapoints.add(new Published(metric, statistics));
    }

    @Override
    public void late(LogEvent event, long watermark) {
        late.add(event);
    }

    @Override
    public void rejected(Rejection rejection) {
        rejections.add(rejection);
    }

    @Override
    public void invalidUtf8(LogEvent decoded) {
        invalidUtf8.add(decoded);
    }

    @Override
    public void listenerFailed(Object listener, RuntimeException failure) {
        failures.add(failure);
    }

    List<AlarmStateChange> transitionsOf(String alarmName) {
        synchronized (transitions) {
            return transitions.stream().filter(c -> c.alarmName().equals(alarmName)).toList();
        }
    }
}
