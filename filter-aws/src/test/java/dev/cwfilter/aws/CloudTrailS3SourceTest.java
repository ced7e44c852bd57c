package dev.cwfilter.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cwfilter.LogEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** CloudTrail log files in a moto bucket, read back as log events. */
class CloudTrailS3SourceTest {

    static final String PREFIX = "AWSLogs/" + Moto.ACCOUNT + "/CloudTrail/us-east-1/";

    @RegisterExtension
    static final MotoAccount MOTO = new MotoAccount();

    static String bucket(S3Client s3) {
        String bucket = "trail-" + UUID.randomUUID().toString().substring(0, 13);
        s3.createBucket(b -> b.bucket(bucket));
        return bucket;
    }

    static String record(String time, String eventName) {
        return "{\"eventVersion\":\"1.08\",\"eventTime\":\"" + time + "\",\"eventSource\":"
                + "\"secretsmanager.amazonaws.com\",\"eventName\":\"" + eventName + "\",\"awsRegion\":\"us-east-1\","
                + "\"requestParameters\":{\"secretId\":\"prod/db\"}}";
    }

    static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    /** The key CloudTrail gives a file delivered at {@code time} (yyyyMMddTHHmmZ). */
    static String key(String day, String time, String id) {
        return PREFIX + day + "/" + Moto.ACCOUNT + "_CloudTrail_us-east-1_" + time + "_" + id + ".json.gz";
    }

    static void put(S3Client s3, String bucket, String key, byte[] bytes) {
        s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(bytes));
    }

    @Test
    void recordsOfTheRangeAreReadFromGzippedFilesInTheLayoutAndFaultsAreReportedByUri() throws Exception {
        S3Client s3 = MOTO.aws().s3();
        String bucket = bucket(s3);
        put(s3, bucket, key("2026/11/20", "20261120T2355Z", "old"), gzip("{\"Records\":["
                + record("2026-11-20T23:50:00Z", "GetSecretValue") + "]}"));
        put(s3, bucket, key("2026/11/21", "20261121T1205Z", "a"), gzip("{\"Records\":["
                + record("2026-11-21T12:00:10Z", "GetSecretValue") + ","
                + record("2026-11-21T12:01:00Z", "DescribeSecret") + ","
                + "{\"eventName\":\"NoTime\"}" + "]}"));
        put(s3, bucket, key("2026/11/21", "20261121T1210Z", "b"), ("{\"Records\":["
                + record("2026-11-21T12:06:00Z", "GetSecretValue") + "]}").getBytes(StandardCharsets.UTF_8));
        put(s3, bucket, key("2026/11/21", "20261121T1215Z", "bad-gzip"), new byte[] {0x1f, (byte) 0x8b, 1, 2, 3});
        put(s3, bucket, key("2026/11/21", "20261121T1220Z", "truncated"), gzip("{\"Records\":["
                + record("2026-11-21T12:15:00Z", "GetSecretValue") + ",{\"eventTime\":"));
        put(s3, bucket, key("2026/11/21", "20261121T1225Z", "not-trail"), gzip("{\"hello\":1}"));
        put(s3, bucket, "AWSLogs/" + Moto.ACCOUNT + "/CloudTrail-Digest/us-east-1/2026/11/21/digest.json.gz",
                gzip("{\"digest\":true}"));
        put(s3, bucket, key("2026/11/23", "20261123T0005Z", "late"), gzip("{\"Records\":["
                + record("2026-11-23T00:00:00Z", "GetSecretValue") + "]}"));

        List<LogEvent> events = new ArrayList<>();
        CloudTrailS3Source.Summary all = CloudTrailS3Source.builder(s3,
                        S3Location.parse("s3://" + bucket + "/AWSLogs/")).build()
                .read(events::add);
        assertThat(events).extracting(LogEvent::timestamp).containsExactly(
                t("2026-11-20T23:50:00Z"), t("2026-11-21T12:00:10Z"), t("2026-11-21T12:01:00Z"),
                t("2026-11-21T12:06:00Z"), t("2026-11-21T12:15:00Z"), t("2026-11-23T00:00:00Z"));
        assertThat(events.get(1).message()).isEqualTo(record("2026-11-21T12:00:10Z", "GetSecretValue"));
        assertThat(all.objectsListed()).isEqualTo(8);
        assertThat(all.objectsPassed()).isEqualTo(1);
        assertThat(all.objectsFailed()).isEqualTo(2);
        assertThat(all.objectsRead()).isEqualTo(5);
        assertThat(all.recordsSkipped()).isEqualTo(1);
        String uri = "s3://" + bucket + "/" + PREFIX + "2026/11/21/" + Moto.ACCOUNT + "_CloudTrail_us-east-1_";
        assertThat(all.problems()).anySatisfy(p -> assertThat(p).startsWith(uri + "20261121T1205Z_a.json.gz")
                        .contains("without an ISO-8601 eventTime"))
                .anySatisfy(p -> assertThat(p).startsWith(uri + "20261121T1215Z_bad-gzip.json.gz"))
                .anySatisfy(p -> assertThat(p).startsWith(uri + "20261121T1220Z_truncated.json.gz")
                        .contains("the 1 records before it were read"))
                .anySatisfy(p -> assertThat(p).isEqualTo(uri + "20261121T1225Z_not-trail.json.gz: no CloudTrail"
                        + " records"));

        // A time range reads the files delivered within it (and an hour after), and keeps the records within it.
        events.clear();
        CloudTrailS3Source.Summary noon = CloudTrailS3Source.builder(s3,
                        S3Location.parse("s3://" + bucket + "/" + PREFIX))
                .timeRange(t("2026-11-21T12:00:00Z"), t("2026-11-21T12:05:00Z")).build().read(events::add);
        assertThat(events).extracting(LogEvent::timestamp)
                .containsExactly(t("2026-11-21T12:00:10Z"), t("2026-11-21T12:01:00Z"));
        assertThat(noon.recordsOutOfRange()).isEqualTo(2);
        // The listing starts at the range's first day: the file of the 20th is never listed.
        assertThat(noon.objectsListed()).isEqualTo(5);
    }

    @Test
    void aSinkThatSaysStopStopsTheRead() throws Exception {
        S3Client s3 = MOTO.aws().s3();
        String bucket = bucket(s3);
        for (int i = 0; i < 3; i++) {
            put(s3, bucket, key("2026/11/21", "20261121T120" + i + "Z", "f" + i), gzip("{\"Records\":["
                    + record("2026-11-21T12:0" + i + ":00Z", "A") + "," + record("2026-11-21T12:0" + i + ":30Z", "B")
                    + "]}"));
        }
        List<LogEvent> events = new ArrayList<>();
        CloudTrailS3Source.Summary s = CloudTrailS3Source.builder(s3, S3Location.parse("s3://" + bucket)).build()
                .read(e -> events.add(e) && events.size() < 3);
        assertThat(events).hasSize(3);
        assertThat(s.records()).isEqualTo(3);
        assertThat(MOTO.proxy().log()).isNotEmpty();
    }

    @Test
    void aBucketOfTenThousandKeysIsListedPageByPage() throws Exception {
        S3Client direct = S3Client.builder().endpointOverride(Moto.endpoint()).region(Moto.REGION)
                .credentialsProvider(Moto.CREDENTIALS).forcePathStyle(true).build();
        String bucket = bucket(direct);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> puts = new ArrayList<>();
            for (int i = 0; i < 10_000; i++) {
                String k = PREFIX + "2026/11/21/noise-" + String.format("%05d", i) + ".txt";
                puts.add(pool.submit(() -> put(direct, bucket, k, new byte[] {'x'})));
            }
            for (Future<?> f : puts) {
                f.get();
            }
        } finally {
            pool.shutdown();
            direct.close();
        }
        // Three trail files: before, among and after the noise, so that they sit on the first and last pages.
        put(MOTO.aws().s3(), bucket, PREFIX + "2026/11/21/a.json.gz", gzip("{\"Records\":["
                + record("2026-11-21T12:00:00Z", "A") + "]}"));
        put(MOTO.aws().s3(), bucket, PREFIX + "2026/11/21/noise-05000.json.gz", gzip("{\"Records\":["
                + record("2026-11-21T12:01:00Z", "B") + "]}"));
        put(MOTO.aws().s3(), bucket, PREFIX + "2026/11/21/z.json.gz", gzip("{\"Records\":["
                + record("2026-11-21T12:02:00Z", "C") + "]}"));
        int listsBefore = MOTO.proxy().calls("s3", "GET");
        List<LogEvent> events = new ArrayList<>();
        CloudTrailS3Source.Summary s = CloudTrailS3Source.builder(MOTO.aws().s3(), S3Location.parse("s3://" + bucket))
                .build().read(events::add);
        assertThat(s.objectsListed()).isEqualTo(10_003);
        assertThat(s.objectsPassed()).isEqualTo(10_000);
        assertThat(events).extracting(e -> e.message().contains("\"eventName\":\"A\"")).first().isEqualTo(true);
        assertThat(events).hasSize(3);
        // 11 pages of at most 1,000 keys, and 3 GetObject calls.
        assertThat(MOTO.proxy().calls("s3", "GET") - listsBefore).isEqualTo(11 + 3);
    }

    @Test
    void aMissingBucketStopsTheReadWithAClearMessage() {
        assertThatThrownBy(() -> CloudTrailS3Source.builder(MOTO.aws().s3(),
                        S3Location.parse("s3://no-such-bucket-" + UUID.randomUUID().toString().substring(0, 8)))
                .build().read(e -> true))
                .isInstanceOf(AwsCallException.class)
                .hasMessageContaining("listing s3://no-such-bucket-").hasMessageContaining("NoSuchBucket");
        assertThatThrownBy(() -> S3Location.parse("https://bucket/key")).isInstanceOf(IllegalArgumentException.class);
    }

    static long t(String iso) {
        return Instant.parse(iso).toEpochMilli();
    }
}
