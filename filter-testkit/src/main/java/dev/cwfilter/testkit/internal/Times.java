package dev.cwfilter.testkit.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The testkit's time conventions: every time is UTC; a time of day ({@code 12:03}, {@code 12:03:14},
 * {@code 12:03:14.250}) falls on a given date; a full timestamp ({@code 2026-11-21T12:03:14Z}, with an offset, or
 * without a zone meaning UTC) stands for itself. Stateless and thread-safe.
 */
public final class Times {

    /** The date a time of day falls on when nothing else gives one. */
    public static final LocalDate DEFAULT_DATE = LocalDate.of(2026, 11, 21);

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter HH_MM_SS = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final DateTimeFormatter HH_MM_SS_SSS = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    private Times() {
    }

    /**
     * The instant a time stands for.
     *
     * @param text a time of day or a full timestamp
     * @param date the date of a time of day
     * @throws IllegalArgumentException if the text is neither
     */
    public static Instant parse(String text, LocalDate date) {
        String t = text.trim();
        try {
            if (t.length() <= 12 && t.indexOf(':') > 0 && t.indexOf('-') < 0) {
                return LocalDateTime.of(date, LocalTime.parse(t)).toInstant(ZoneOffset.UTC);
            }
            String iso = t.replace(' ', 'T');
            if (iso.endsWith("Z") || iso.matches(".*[+-]\\d\\d:?\\d\\d$")) {
                return OffsetDateTime.parse(iso).toInstant();
            }
            return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a time: write a UTC time of day (12:03,"
                    + " 12:03:14, 12:03:14.250) or a timestamp (2026-11-21T12:03:14Z)", e);
        }
    }

    /** {@link #parse(String, LocalDate)} on {@link #DEFAULT_DATE}. */
    public static Instant parse(String text) {
        return parse(text, DEFAULT_DATE);
    }

    /** The UTC date of an instant. */
    public static LocalDate dateOf(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).atZone(ZoneOffset.UTC).toLocalDate();
    }

    /**
     * A time as short as it can be said: {@code 12:04} on a whole minute, {@code 12:03:14} or {@code 12:03:14.250}
     * otherwise, preceded by the date ({@code 2026-11-22 00:01}) when it is not on {@code date}.
     */
    public static String format(long epochMillis, LocalDate date) {
        LocalDateTime t = LocalDateTime.ofInstant(Instant.ofEpochMilli(epochMillis), ZoneOffset.UTC);
        LocalTime time = t.toLocalTime();
        String clock = time.getNano() != 0 ? time.format(HH_MM_SS_SSS)
                : time.getSecond() != 0 ? time.format(HH_MM_SS) : time.format(HH_MM);
        return t.toLocalDate().equals(date) ? clock : t.toLocalDate() + " " + clock;
    }
}
