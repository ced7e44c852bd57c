package dev.cwfilter.internal.time;

import dev.cwfilter.io.CloudTrailRecordReader;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * ISO-8601 instants as CloudTrail writes them ({@code 2026-11-21T12:03:14Z}, with or without fractional seconds),
 * read from bytes without allocating; other offsets go through {@link OffsetDateTime}. Stateless and thread-safe.
 */
public final class Iso8601 {

    private Iso8601() {
    }

    /** The instant in epoch milliseconds, or {@link CloudTrailRecordReader#NO_TIME} if the text is not one. */
    public static long epochMillis(byte[] b, int from, int length) {
        int to = from + length;
        if (length >= 20 && b[from + 4] == '-' && b[from + 7] == '-' && b[from + 10] == 'T' && b[from + 13] == ':'
                && b[from + 16] == ':' && b[to - 1] == 'Z') {
            int year = digits(b, from, 4);
            int month = digits(b, from + 5, 2);
            int day = digits(b, from + 8, 2);
            int hour = digits(b, from + 11, 2);
            int minute = digits(b, from + 14, 2);
            int second = digits(b, from + 17, 2);
            int millis = 0;
            boolean ok = year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= daysIn(year, month)
                    && hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59 && second >= 0 && second <= 59;
            if (ok && length > 20) {
                // Fractional seconds: ".d" to ".ddddddddd"; milliseconds are the first three digits.
                int fraction = to - 1 - (from + 20);
                ok = b[from + 19] == '.' && fraction >= 1 && fraction <= 9;
                for (int k = 0; ok && k < fraction; k++) {
                    int d = b[from + 20 + k] - '0';
                    ok = d >= 0 && d <= 9;
                    if (k < 3) {
                        millis = millis * 10 + d;
                    }
                }
                for (int k = fraction; k < 3; k++) {
                    millis *= 10;
                }
            } else if (ok) {
                ok = b[from + 19] == 'Z';
            }
            if (ok) {
                long days = daysFromCivil(year, month, day);
                return ((days * 24 + hour) * 60 + minute) * 60_000L + second * 1000L + millis;
            }
        }
        if (length > 64) {
            return CloudTrailRecordReader.NO_TIME;
        }
        try {
            return OffsetDateTime.parse(new String(b, from, length, StandardCharsets.UTF_8)).toInstant()
                    .toEpochMilli();
        } catch (DateTimeParseException | ArithmeticException e) {
            return CloudTrailRecordReader.NO_TIME;
        }
    }

    private static int digits(byte[] b, int from, int n) {
        int v = 0;
        for (int k = 0; k < n; k++) {
            int d = b[from + k] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v;
    }

    private static int daysIn(int year, int month) {
        switch (month) {
            case 2:
                return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28;
            case 4:
            case 6:
            case 9:
            case 11:
                return 30;
            default:
                return 31;
        }
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm). */
    private static long daysFromCivil(int year, int month, int day) {
        int y = month <= 2 ? year - 1 : year;
        int era = Math.floorDiv(y, 400);
        int yoe = y - era * 400;
        int doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146097L + doe - 719468;
    }
}
