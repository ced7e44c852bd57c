package dev.cwfilter.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Times on the command line and in output: epoch milliseconds or ISO-8601, always UTC when no offset is given. */
final class CliTime {

    static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);
    static final DateTimeFormatter HH_MM_SS = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private CliTime() {
    }

    /**
     * A time option's value: epoch milliseconds ({@code 1763726400000}), an ISO-8601 instant with offset
     * ({@code 2026-11-21T12:00:00Z}), or a date-time or date without offset, taken as UTC.
     *
     * @throws UsageError naming the option if the value is none of these
     */
    static long parse(String option, String value) {
        String v = value.trim();
        try {
            if (v.matches("-?\\d+")) {
                return Long.parseLong(v);
            }
            if (v.length() == 10) {
                return LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
            }
            try {
                return OffsetDateTime.parse(v).toInstant().toEpochMilli();
            } catch (DateTimeParseException e) {
                return LocalDateTime.parse(v).toInstant(ZoneOffset.UTC).toEpochMilli();
            }
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new UsageError(option + " '" + value + "': expected epoch milliseconds or an ISO-8601 time such as"
                    + " 2026-11-21T12:00:00Z (UTC if no offset is given)");
        }
    }

    /** {@code 2026-11-21T12:03:14Z}. */
    static String iso(long millis) {
        return Instant.ofEpochMilli(millis).toString();
    }
}
