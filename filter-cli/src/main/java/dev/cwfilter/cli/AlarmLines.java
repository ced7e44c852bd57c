package dev.cwfilter.cli;

import dev.cwfilter.cli.render.Glyphs;
import dev.cwfilter.metric.AlarmStateChange;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** An alarm's transitions, one line each: time, old state → new state, CloudWatch's state reason. */
final class AlarmLines {

    private AlarmLines() {
    }

    static List<String> transitions(List<AlarmStateChange> changes, Glyphs glyphs, DateTimeFormatter time) {
        List<String> lines = new ArrayList<>();
        for (AlarmStateChange c : changes) {
            lines.add(String.format("%s  %-17s %s %-17s  %s", time.format(Instant.ofEpochMilli(c.timestamp())),
                    c.oldState().awsName(), glyphs.arrow(), c.newState().awsName(), c.reason()));
        }
        return lines;
    }
}
