package dev.cwfilter.aws;

import dev.cwfilter.LogEvent;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * CloudTrail log files from S3 as log events: every object under {@code s3://bucket/prefix} (listed recursively,
 * page by page), gzipped or not, read record by record as CloudTrail delivers them to CloudWatch Logs.
 *
 * <pre>{@code
 * CloudTrailS3Source.builder(aws.s3(), S3Location.parse("s3://trail-bucket/AWSLogs/123456789012/CloudTrail/us-east-1/"))
 *         .timeRange(start, end)
 *         .build()
 *         .read(event -> { metrics.accept(event); return true; });
 * }</pre>
 *
 * <h2>The layout and a time range</h2>
 * CloudTrail writes {@code AWSLogs/[o-org/]ACCOUNT/CloudTrail/REGION/yyyy/mm/dd/ACCOUNT_CloudTrail_REGION_yyyymmddThhmmZ_ID.json.gz},
 * the time being the file's delivery, after every record it holds. With a time range [start, end), a file named so is
 * read only if it was delivered at or after start and before end plus {@link #DELIVERY_SLACK} (CloudTrail delivers
 * within minutes; a record delivered more than an hour late would be missed); a file with only the date directories
 * is read if its day overlaps that span; other objects are read. When the prefix ends at a region's directory, the
 * listing starts at the first day of the range and stops after the last. Records are then kept only if their
 * {@code eventTime} is within the range. Digest files ({@code CloudTrail-Digest/}) and objects that are not
 * {@code .json} or {@code .json.gz} are passed over.
 *
 * <h2>Faults</h2>
 * An object that cannot be read (not gzip, not a CloudTrail document, or a GetObject that fails after the
 * SDK's retries) is reported in {@link Summary#problems()} by its URI and the rest is read; records it delivered
 * before the fault stay delivered. A listing that fails (no such bucket, access denied, no credentials) stops the
 * read with an {@link AwsCallException}.
 *
 * <p>Immutable; {@link #read} may be called from several threads, each call reading on its own.
 */
public final class CloudTrailS3Source {

    /** How long after its last record a file may be delivered and still be found by a time range. */
    public static final Duration DELIVERY_SLACK = Duration.ofHours(1);

    private static final Pattern DATE_PATH = Pattern.compile("/CloudTrail/[a-z0-9-]+/(\\d{4})/(\\d{2})/(\\d{2})/");
    private static final Pattern FILE_TIME = Pattern.compile("_CloudTrail_[a-z0-9-]+_(\\d{8}T\\d{4}Z)_[^/]*$");
    private static final Pattern REGION_DIR = Pattern.compile("(^|.*/)CloudTrail/[a-z0-9-]+/$");
    private static final DateTimeFormatter DAY_PATH = DateTimeFormatter.ofPattern("yyyy/MM/dd");
    private static final DateTimeFormatter FILE_TIME_FORMAT = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm'Z'");
    private static final int MAX_REPORTED = 100;

    private final S3Client s3;
    private final S3Location location;
    private final long start;
    private final long end;
    private final CloudTrailRecordReader reader;

    private CloudTrailS3Source(Builder b) {
        this.s3 = b.s3;
        this.location = b.location;
        this.start = b.start;
        this.end = b.end;
        this.reader = b.reader;
    }

    /** A source of every CloudTrail file under {@code location}. */
    public static Builder builder(S3Client s3, S3Location location) {
        return new Builder(s3, location);
    }

    /**
     * What a read did.
     *
     * @param objectsListed    objects the listing returned (up to the range's last day, with a dated prefix)
     * @param objectsRead      objects read to the end
     * @param objectsPassed    objects passed over: outside the time range, digests, not JSON
     * @param objectsFailed    objects that could not be read (named in the problems)
     * @param records          records delivered
     * @param recordsOutOfRange records read whose eventTime is outside the time range
     * @param recordsSkipped   records without a usable eventTime, or too large
     * @param problems         one line per failed object or skipped record (the first 100)
     */
    public record Summary(long objectsListed, long objectsRead, long objectsPassed, long objectsFailed,
                          long records, long recordsOutOfRange, long recordsSkipped, List<String> problems) {
    }

    /**
     * Reads every record in range, in key order, handing each to {@code sink} (false stops the read).
     *
     * @throws AwsCallException if the bucket cannot be listed
     */
    public Summary read(Predicate<LogEvent> sink) {
        Objects.requireNonNull(sink, "sink");
        Counter c = new Counter();
        ListObjectsV2Request.Builder request = ListObjectsV2Request.builder().bucket(location.bucket())
                .prefix(location.prefix());
        boolean dated = REGION_DIR.matcher(location.prefix()).matches() && start != Long.MIN_VALUE;
        if (dated) {
            request.startAfter(location.prefix() + DAY_PATH.format(LocalDate.ofInstant(Instant.ofEpochMilli(start),
                    ZoneOffset.UTC)));
        }
        String lastDay = end == Long.MAX_VALUE ? null : location.prefix() + DAY_PATH.format(LocalDate.ofInstant(
                Instant.ofEpochMilli(end).plus(DELIVERY_SLACK), ZoneOffset.UTC)) + "/\uffff";
        try {
            for (S3Object object : s3.listObjectsV2Paginator(request.build()).contents()) {
                String key = object.key();
                if (dated && lastDay != null && key.compareTo(lastDay) > 0) {
                    break;
                }
                c.listed++;
                if (!wanted(key)) {
                    c.passed++;
                    continue;
                }
                if (!c.readObject(key, sink)) {
                    break;
                }
            }
        } catch (SdkException e) {
            throw new AwsCallException(AwsErrors.describe("listing " + location, e), e);
        }
        return new Summary(c.listed, c.read, c.passed, c.failed, c.records, c.outOfRange, c.skipped,
                List.copyOf(c.problems));
    }

    /** Whether a key is a CloudTrail log file that may hold records of the range. */
    boolean wanted(String key) {
        if (!(key.endsWith(".json.gz") || key.endsWith(".json")) || key.contains("/CloudTrail-Digest/")
                || key.contains("/CloudTrail-Insight/")) {
            return false;
        }
        if (start == Long.MIN_VALUE && end == Long.MAX_VALUE) {
            return true;
        }
        long limit = end == Long.MAX_VALUE ? Long.MAX_VALUE : end + DELIVERY_SLACK.toMillis();
        Matcher file = FILE_TIME.matcher(key);
        if (file.find()) {
            long delivered = LocalDateTime.parse(file.group(1), FILE_TIME_FORMAT).toInstant(ZoneOffset.UTC)
                    .toEpochMilli();
            // The file's time is to the minute and after its records: delivered in the minute of start still counts.
            return delivered + 60_000 > start && delivered < limit;
        }
        Matcher day = DATE_PATH.matcher(key);
        if (day.find()) {
            long dayStart = LocalDate.of(Integer.parseInt(day.group(1)), Integer.parseInt(day.group(2)),
                    Integer.parseInt(day.group(3))).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
            return dayStart + 86_400_000L > start && dayStart < limit;
        }
        return true;
    }

    private final class Counter {
        long listed;
        long read;
        long passed;
        long failed;
        long records;
        long outOfRange;
        long skipped;
        final List<String> problems = new ArrayList<>();

        /** Reads one object; false if the sink asked to stop. */
        boolean readObject(String key, Predicate<LogEvent> sink) {
            String uri = location.uri(key);
            boolean[] stopped = {false};
            CloudTrailRecordReader.RecordSink records = new CloudTrailRecordReader.RecordSink() {
                @Override
                public boolean accept(LogEvent event) {
                    if (event.timestamp() < start || event.timestamp() >= end) {
                        outOfRange++;
                        return true;
                    }
                    Counter.this.records++;
                    if (!sink.test(event)) {
                        stopped[0] = true;
                        return false;
                    }
                    return true;
                }

                @Override
                public void skipped(String source, String reason) {
                    skipped++;
                    problem(source + ": " + reason);
                }
            };
            try (InputStream in = decompressed(s3.getObject(b -> b.bucket(location.bucket()).key(key)))) {
                if (reader.read(in, uri, records) == 0 && !stopped[0]) {
                    // Not an error (a document may hold no records), but a file named like a trail that holds
                    // none is worth saying.
                    problem(uri + ": no CloudTrail records");
                }
                read++;
            } catch (SdkException e) {
                failed++;
                problem(AwsErrors.describe("GetObject " + uri, e));
            } catch (IOException | UncheckedIOException e) {
                failed++;
                String message = e.getMessage();
                problem(message != null && message.startsWith(uri) ? message : uri + ": " + message);
            }
            return !stopped[0];
        }

        void problem(String line) {
            if (problems.size() < MAX_REPORTED) {
                problems.add(line);
            }
        }
    }

    /** The object's bytes, gunzipped when they start with gzip's magic number. */
    private static InputStream decompressed(InputStream raw) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, 64 * 1024);
        in.mark(2);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        if (b1 == 0x1f && b2 == 0x8b) {
            try {
                return new GZIPInputStream(in, 64 * 1024);
            } catch (IOException e) {
                in.close();
                throw new IOException("not valid gzip (" + e.getMessage() + ")", e);
            }
        }
        return in;
    }

    /** Builds a {@link CloudTrailS3Source}. Not thread-safe. */
    public static final class Builder {

        private final S3Client s3;
        private final S3Location location;
        private long start = Long.MIN_VALUE;
        private long end = Long.MAX_VALUE;
        private CloudTrailRecordReader reader = CloudTrailRecordReader.standard();

        private Builder(S3Client s3, S3Location location) {
            this.s3 = Objects.requireNonNull(s3, "s3");
            this.location = Objects.requireNonNull(location, "location");
        }

        /**
         * Only records with {@code start <= eventTime < end} (epoch milliseconds), and only files that may hold them.
         *
         * @throws IllegalArgumentException if start is not before end
         */
        public Builder timeRange(long start, long end) {
            if (start >= end) {
                throw new IllegalArgumentException("the start time must be before the end time");
            }
            this.start = start;
            this.end = end;
            return this;
        }

        /** The record reader. Default {@link CloudTrailRecordReader#standard()}. */
        public Builder recordReader(CloudTrailRecordReader reader) {
            this.reader = Objects.requireNonNull(reader, "reader");
            return this;
        }

        /** The source. */
        public CloudTrailS3Source build() {
            return new CloudTrailS3Source(this);
        }
    }
}
