package dev.cwfilter.cli;

import dev.cwfilter.io.CloudTrailRecordReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/** Writes CloudTrail records as CloudTrail lays them out in S3, for tests: gzipped files under dated directories. */
final class CloudTrailTree {

    static final String ACCOUNT = "123456789012";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm'Z'")
            .withZone(ZoneOffset.UTC);

    private CloudTrailTree() {
    }

    /** The records of a CloudTrail file, each as the text the file holds for it. */
    static List<String> records(byte[] cloudTrailFile) throws IOException {
        List<String> out = new ArrayList<>();
        try (CloudTrailRecordReader r = new CloudTrailRecordReader(new ByteArrayInputStream(cloudTrailFile))) {
            while (r.next()) {
                out.add(new String(r.array(), r.offset(), r.length(), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(data);
        }
        return bytes.toByteArray();
    }

    /** The document CloudTrail writes for these records. */
    static byte[] document(List<String> records) {
        return ("{\"Records\":[" + String.join(",", records) + "]}").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Writes the records, in order, into files of {@code perFile} records each under
     * {@code root/AWSLogs/<account>/CloudTrail/<region>/yyyy/mm/dd/}, named as CloudTrail names them after the time
     * of {@code startMillis + file index} minutes, so that path order is record order; gzipped unless {@code plain}.
     *
     * @return the files written, in path order
     */
    static List<Path> write(Path root, String region, List<String> records, int perFile, long startMillis,
                            boolean plain) throws IOException {
        List<Path> files = new ArrayList<>();
        for (int i = 0, n = 0; i < records.size(); i += perFile, n++) {
            Instant at = Instant.ofEpochMilli(startMillis + n * 60_000L);
            Path dir = root.resolve("AWSLogs").resolve(ACCOUNT).resolve("CloudTrail").resolve(region)
                    .resolve(DAY.format(at));
            Files.createDirectories(dir);
            byte[] doc = document(records.subList(i, Math.min(records.size(), i + perFile)));
            Path file = dir.resolve(ACCOUNT + "_CloudTrail_" + region + "_" + STAMP.format(at) + "_"
                    + String.format("%04d", n) + (plain ? ".json" : ".json.gz"));
            Files.write(file, plain ? doc : gzip(doc));
            files.add(file);
        }
        return files;
    }
}
