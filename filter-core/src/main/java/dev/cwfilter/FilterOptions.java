package dev.cwfilter;

import java.util.Objects;

/**
 * The limits and the behaviours that CloudWatch does not document exactly, in one immutable object passed to
 * {@link FilterPattern#compile(String, FilterOptions)} and to {@link MetricFilter.Builder#options(FilterOptions)}.
 *
 * <p>{@link #defaults()} follows the recommendations of the specification's uncertainty register and CloudWatch's
 * limits; {@code docs/semantics-decisions.md} explains each choice. Immutable and thread-safe.
 */
public final class FilterOptions {

    /** CloudWatch's limit on the length of a filter pattern, in characters (PutMetricFilter, TestMetricFilter). */
    public static final int CLOUDWATCH_MAX_PATTERN_LENGTH = 1024;
    /**
     * The default limit on how deeply parentheses may nest in a JSON pattern. CloudWatch documents none; within its
     * 1024-character limit no pattern can nest deeper than 511, so the default never rejects a pattern CloudWatch
     * accepts.
     */
    public static final int DEFAULT_MAX_NESTING_DEPTH = 512;
    /**
     * The largest {@link #maxNestingDepth()} accepted: a pattern nested this deep parses on a thread with the JVM's
     * default 1 MiB stack. (The default limit parses on a 512 KiB stack.)
     */
    public static final int NESTING_DEPTH_CEILING = 1000;
    /** CloudWatch Logs' largest log event, 1 MiB of UTF-8 (PutLogEvents quota). */
    public static final int CLOUDWATCH_MAX_EVENT_BYTES = 1024 * 1024;
    /** The default limit on how deeply a JSON event may nest objects and arrays (Jackson's own default). */
    public static final int DEFAULT_MAX_EVENT_NESTING_DEPTH = 1000;

    private static final FilterOptions DEFAULTS = new Builder().build();

    private final boolean lenientJsonPrefix;
    private final boolean exactFieldCount;
    private final boolean lenientTermCharacters;
    private final int firstEventNumber;
    private final DefaultValueMode defaultValueMode;
    private final int maxPatternLength;
    private final int maxNestingDepth;
    private final int maxEventBytes;
    private final int maxEventNestingDepth;

    private FilterOptions(Builder b) {
        this.lenientJsonPrefix = b.lenientJsonPrefix;
        this.exactFieldCount = b.exactFieldCount;
        this.lenientTermCharacters = b.lenientTermCharacters;
        this.firstEventNumber = b.firstEventNumber;
        this.defaultValueMode = b.defaultValueMode;
        this.maxPatternLength = b.maxPatternLength;
        this.maxNestingDepth = b.maxNestingDepth;
        this.maxEventBytes = b.maxEventBytes;
        this.maxEventNestingDepth = b.maxEventNestingDepth;
    }

    /** The recommended defaults: CloudWatch's limits and the register's recommendations. */
    public static FilterOptions defaults() {
        return DEFAULTS;
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these options. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * U4: whether a JSON pattern also matches a message with text before its JSON object (a Lambda line such as
     * {@code 2024-01-01T00:00:00Z <id> INFO {...}}), by reading the JSON from the first {@code &#123;}. Default false:
     * the whole message (trimmed) must be one JSON value.
     */
    public boolean lenientJsonPrefix() {
        return lenientJsonPrefix;
    }

    /**
     * U1: whether a space-delimited pattern without {@code ...} needs exactly as many fields as the event has.
     * Default false: the last pattern field takes the rest of the event.
     */
    public boolean exactFieldCount() {
        return exactFieldCount;
    }

    /**
     * U11: whether bare terms may also hold {@code . / @ =}. Default false: only ASCII letters, digits and {@code _},
     * as CloudWatch documents; anything else must be quoted.
     */
    public boolean lenientTermCharacters() {
        return lenientTermCharacters;
    }

    /** U3: the number of the first message in a TestMetricFilter result, 1 (the default, as the AWS CLI shows) or 0. */
    public int firstEventNumber() {
        return firstEventNumber;
    }

    /** U2: when a metric filter publishes its default value; default {@link DefaultValueMode#EVERY_UNMATCHED_EVENT}. */
    public DefaultValueMode defaultValueMode() {
        return defaultValueMode;
    }

    /** The longest pattern accepted, in characters (Unicode code points); default 1024, CloudWatch's limit. */
    public int maxPatternLength() {
        return maxPatternLength;
    }

    /** How deeply parentheses may nest in a JSON pattern; default {@value #DEFAULT_MAX_NESTING_DEPTH}. */
    public int maxNestingDepth() {
        return maxNestingDepth;
    }

    /**
     * The largest event evaluated, in bytes of UTF-8; a larger event matches nothing. Default 1 MiB, CloudWatch's
     * largest log event.
     */
    public int maxEventBytes() {
        return maxEventBytes;
    }

    /**
     * How deeply a JSON event may nest objects and arrays; a deeper event matches no JSON pattern. Default
     * {@value #DEFAULT_MAX_EVENT_NESTING_DEPTH}.
     */
    public int maxEventNestingDepth() {
        return maxEventNestingDepth;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FilterOptions other
                && lenientJsonPrefix == other.lenientJsonPrefix
                && exactFieldCount == other.exactFieldCount
                && lenientTermCharacters == other.lenientTermCharacters
                && firstEventNumber == other.firstEventNumber
                && defaultValueMode == other.defaultValueMode
                && maxPatternLength == other.maxPatternLength
                && maxNestingDepth == other.maxNestingDepth
                && maxEventBytes == other.maxEventBytes
                && maxEventNestingDepth == other.maxEventNestingDepth;
    }

    @Override
    public int hashCode() {
        return Objects.hash(lenientJsonPrefix, exactFieldCount, lenientTermCharacters, firstEventNumber,
                defaultValueMode, maxPatternLength, maxNestingDepth, maxEventBytes, maxEventNestingDepth);
    }

    @Override
    public String toString() {
        return "FilterOptions{lenientJsonPrefix=" + lenientJsonPrefix
                + ", exactFieldCount=" + exactFieldCount
                + ", lenientTermCharacters=" + lenientTermCharacters
                + ", firstEventNumber=" + firstEventNumber
                + ", defaultValueMode=" + defaultValueMode
                + ", maxPatternLength=" + maxPatternLength
                + ", maxNestingDepth=" + maxNestingDepth
                + ", maxEventBytes=" + maxEventBytes
                + ", maxEventNestingDepth=" + maxEventNestingDepth + "}";
    }

    /** Builds {@link FilterOptions}. Not thread-safe; the options it builds are. */
    public static final class Builder {
        private boolean lenientJsonPrefix;
        private boolean exactFieldCount;
        private boolean lenientTermCharacters;
        private int firstEventNumber = 1;
        private DefaultValueMode defaultValueMode = DefaultValueMode.EVERY_UNMATCHED_EVENT;
        private int maxPatternLength = CLOUDWATCH_MAX_PATTERN_LENGTH;
        private int maxNestingDepth = DEFAULT_MAX_NESTING_DEPTH;
        private int maxEventBytes = CLOUDWATCH_MAX_EVENT_BYTES;
        private int maxEventNestingDepth = DEFAULT_MAX_EVENT_NESTING_DEPTH;

        private Builder() {
        }

        private Builder(FilterOptions o) {
            lenientJsonPrefix = o.lenientJsonPrefix;
            exactFieldCount = o.exactFieldCount;
            lenientTermCharacters = o.lenientTermCharacters;
            firstEventNumber = o.firstEventNumber;
            defaultValueMode = o.defaultValueMode;
            maxPatternLength = o.maxPatternLength;
            maxNestingDepth = o.maxNestingDepth;
            maxEventBytes = o.maxEventBytes;
            maxEventNestingDepth = o.maxEventNestingDepth;
        }

        /** See {@link FilterOptions#lenientJsonPrefix()}. */
        public Builder lenientJsonPrefix(boolean value) {
            lenientJsonPrefix = value;
            return this;
        }

        /** See {@link FilterOptions#exactFieldCount()}. */
        public Builder exactFieldCount(boolean value) {
            exactFieldCount = value;
            return this;
        }

        /** See {@link FilterOptions#lenientTermCharacters()}. */
        public Builder lenientTermCharacters(boolean value) {
            lenientTermCharacters = value;
            return this;
        }

        /** See {@link FilterOptions#firstEventNumber()}; 0 or 1. */
        public Builder firstEventNumber(int value) {
            if (value != 0 && value != 1) {
                throw new IllegalArgumentException("the first event number is 0 or 1, not " + value);
            }
            firstEventNumber = value;
            return this;
        }

        /** See {@link FilterOptions#defaultValueMode()}. */
        public Builder defaultValueMode(DefaultValueMode value) {
            defaultValueMode = Objects.requireNonNull(value, "defaultValueMode");
            return this;
        }

        /** See {@link FilterOptions#maxPatternLength()}; at least 1. */
        public Builder maxPatternLength(int value) {
            maxPatternLength = atLeastOne(value, "maxPatternLength");
            return this;
        }

        /** See {@link FilterOptions#maxNestingDepth()}; 1 to {@value FilterOptions#NESTING_DEPTH_CEILING}. */
        public Builder maxNestingDepth(int value) {
            if (value < 1 || value > NESTING_DEPTH_CEILING) {
                throw new IllegalArgumentException("maxNestingDepth is 1 to " + NESTING_DEPTH_CEILING + ", not "
                        + value);
            }
            maxNestingDepth = value;
            return this;
        }

        /** See {@link FilterOptions#maxEventBytes()}; at least 1. */
        public Builder maxEventBytes(int value) {
            maxEventBytes = atLeastOne(value, "maxEventBytes");
            return this;
        }

        /** See {@link FilterOptions#maxEventNestingDepth()}; at least 1. */
        public Builder maxEventNestingDepth(int value) {
            maxEventNestingDepth = atLeastOne(value, "maxEventNestingDepth");
            return this;
        }

        /** The options. */
        public FilterOptions build() {
            return new FilterOptions(this);
        }

        private static int atLeastOne(int value, String name) {
            if (value < 1) {
                throw new IllegalArgumentException(name + " must be at least 1, not " + value);
            }
            return value;
        }
    }
}
