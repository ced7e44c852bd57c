package dev.cwfilter;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The units CloudWatch accepts for a metric (the StandardUnit of the CloudWatch API); a metric filter without a unit
 * publishes {@link #NONE}.
 *
 * <p>Immutable and thread-safe.
 */
public enum StandardUnit {
    /** Seconds. */
    SECONDS("Seconds"),
    /** Microseconds. */
    MICROSECONDS("Microseconds"),
    /** Milliseconds. */
    MILLISECONDS("Milliseconds"),
    /** Bytes. */
    BYTES("Bytes"),
    /** Kilobytes. */
    KILOBYTES("Kilobytes"),
    /** Megabytes. */
    MEGABYTES("Megabytes"),
    /** Gigabytes. */
    GIGABYTES("Gigabytes"),
    /** Terabytes. */
    TERABYTES("Terabytes"),
    /** Bits. */
    BITS("Bits"),
    /** Kilobits. */
    KILOBITS("Kilobits"),
    /** Megabits. */
    MEGABITS("Megabits"),
    /** Gigabits. */
    GIGABITS("Gigabits"),
    /** Terabits. */
    TERABITS("Terabits"),
    /** Percent. */
    PERCENT("Percent"),
    /** Count. */
    COUNT("Count"),
    /** Bytes per second. */
    BYTES_PER_SECOND("Bytes/Second"),
    /** Kilobytes per second. */
    KILOBYTES_PER_SECOND("Kilobytes/Second"),
    /** Megabytes per second. */
    MEGABYTES_PER_SECOND("Megabytes/Second"),
    /** Gigabytes per second. */
    GIGABYTES_PER_SECOND("Gigabytes/Second"),
    /** Terabytes per second. */
    TERABYTES_PER_SECOND("Terabytes/Second"),
    /** Bits per second. */
    BITS_PER_SECOND("Bits/Second"),
    /** Kilobits per second. */
    KILOBITS_PER_SECOND("Kilobits/Second"),
    /** Megabits per second. */
    MEGABITS_PER_SECOND("Megabits/Second"),
    /** Gigabits per second. */
    GIGABITS_PER_SECOND("Gigabits/Second"),
    /** Terabits per second. */
    TERABITS_PER_SECOND("Terabits/Second"),
    /** Count per second. */
    COUNT_PER_SECOND("Count/Second"),
    /** No unit. */
    NONE("None");

    private final String awsName;

    StandardUnit(String awsName) {
        this.awsName = awsName;
    }

    /** The unit as the CloudWatch API writes it, such as {@code Bytes/Second}. */
    public String awsName() {
        return awsName;
    }

    /**
     * The unit with the given CloudWatch name ({@code Bytes/Second}); the enum constant name ({@code BYTES_PER_SECOND})
     * and any letter case are accepted too.
     *
     * @throws IllegalArgumentException if no unit has that name
     */
    public static StandardUnit fromAwsName(String name) {
        for (StandardUnit unit : values()) {
            if (unit.awsName.equalsIgnoreCase(name) || unit.name().equalsIgnoreCase(name)) {
                return unit;
            }
        }
        throw new IllegalArgumentException("unknown unit '" + name + "': CloudWatch's units are "
                + Arrays.stream(values()).map(StandardUnit::awsName).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return awsName;
    }
}
