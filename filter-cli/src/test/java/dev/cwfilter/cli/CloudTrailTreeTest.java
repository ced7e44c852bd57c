package dev.cwfilter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CloudTrail log files as they lie in S3: gzipped, many, in dated directories, read recursively and in parallel. */
class CloudTrailTreeTest {

    static final String ALL = "{ $.eventName = * }";

    @TempDir
    Path dir;

    @Test
    void aDirectoryInS3LayoutIsReadRecursivelyInTimeOrderEachRecordAsItsBytes() throws IOException {
        List<String> records = CloudTrailTree.records(Files.readAllBytes(Run.seed()));
        long start = Instant.parse("2026-11-21T23:50:00Z").toEpochMilli();
        // Files across midnight, so that the day directories change; 9 records per file.
        CloudTrailTree.write(dir, "us-east-1", records, 9, start, false);
        Path digest = Files.createDirectories(dir.resolve("AWSLogs/123456789012/CloudTrail-Digest/us-east-1"));
        Files.writeString(digest.resolve("digest.json"), "{\"awsAccountId\":\"123456789012\"}");
        Files.writeString(dir.resolve("AWSLogs/.DS_Store"), "not an event");

        Run run = Run.of("filter", "-p", ALL, dir.toString());
        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).isEqualTo(String.join("\n", records) + "\n");
        assertThat(Run.of("filter", "-p", ALL, "--count", dir.resolve("AWSLogs").toString()).out())
                .isEqualTo(records.size() + "\n");
    }

    @Test
    void theNumberOfReadersNeverChangesWhatIsPrintedNorTheReport() throws IOException {
        List<String> records = CloudTrailTree.records(Files.readAllBytes(Run.seed()));
        long start = Instant.parse("2026-11-21T12:00:00Z").toEpochMilli();
        List<Path> files = CloudTrailTree.write(dir, "eu-west-1", records, 10, start, false);
        // A truncated file, a plain one and an empty one among the gzipped ones.
        byte[] third = CloudTrailTree.document(records.subList(20, 30));
        Files.write(files.get(2), CloudTrailTree.gzip(java.util.Arrays.copyOf(third, third.length / 2)));
        Files.write(files.get(5), CloudTrailTree.document(records.subList(50, 60)));
        Files.write(files.get(7), new byte[0]);
        Run one = Run.of("filter", "-p", "{ $.eventName = \"Describe*\" || $.readOnly IS FALSE }", "-o", "json",
                "--readers", "1", dir.toString());
        assertThat(one.code()).isEqualTo(ExitCodes.IO_ERROR);
        assertThat(one.err()).contains("cwfilter: error reading '" + files.get(2) + "': not a complete CloudTrail"
                + " document (document 1, record ");
        for (String readers : new String[] {"2", "3", "8"}) {
            Run many = Run.of("filter", "-p", "{ $.eventName = \"Describe*\" || $.readOnly IS FALSE }", "-o", "json",
                    "--readers", readers, dir.toString());
            assertThat(many).as("--readers " + readers).isEqualTo(one);
        }
        assertThat(one.out()).contains("\"record\":1}").doesNotContain("\"line\":");
    }

    @Test
    void aSinkThatStopsEarlyStopsTheReaders() throws IOException {
        List<String> records = CloudTrailTree.records(Files.readAllBytes(Run.seed()));
        CloudTrailTree.write(dir, "us-east-1", records, 1, 0, false);
        java.util.List<String> seen = new java.util.ArrayList<>();
        dev.cwfilter.cli.input.EventSource source = new dev.cwfilter.cli.input.EventSource(
                new InputOptionsAccess(dir).inputs(), dev.cwfilter.cli.input.InputFormat.AUTO, 1 << 20,
                dev.cwfilter.cli.input.Progress.none(), 2);
        boolean finished = source.forEach(e -> {
            seen.add(e.message());
            return seen.size() < 5;
        });
        assertThat(finished).isFalse();
        assertThat(seen).containsExactlyElementsOf(records.subList(0, 5));
    }

    @Test
    void aDirectoryThatDoesNotExistIsAnUnreadableInput() {
        Run run = Run.of("filter", "-p", ALL, dir.resolve("AWSLogs").toString());
        assertThat(run.code()).isEqualTo(ExitCodes.IO_ERROR);
        assertThat(run.err()).contains("no such file");
    }

    @Test
    void linksToFilesAreReadLinksToDirectoriesAreNotFollowed() throws IOException {
        Path tree = Files.createDirectories(dir.resolve("tree/AWSLogs/123456789012/CloudTrail/us-east-1/2026/11/21"));
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Files.writeString(tree.resolve("a.json"), "{\"Records\":[{\"eventName\":\"A\"}]}");
        Files.writeString(elsewhere.resolve("b.json"), "{\"Records\":[{\"eventName\":\"B\"}]}");
        Files.createSymbolicLink(tree.resolve("b.json"), elsewhere.resolve("b.json"));
        Files.createSymbolicLink(tree.resolve("c"), elsewhere);
        Files.createDirectories(tree.resolve("empty"));

        assertThat(new InputOptionsAccess(dir.resolve("tree")).inputs()).extracting(i -> i.name() + ":" + i.size())
                .containsExactly(tree.resolve("a.json") + ":31", tree.resolve("b.json") + ":31");
        Run run = Run.of("filter", "-p", ALL, dir.resolve("tree").toString());
        assertThat(run.out()).isEqualTo("{\"eventName\":\"A\"}\n{\"eventName\":\"B\"}\n");
    }

    @Test
    void aLinkToNothingInATreeIsNamedAndTheOtherFilesAreStillRead() throws IOException {
        Path tree = Files.createDirectories(dir.resolve("tree/AWSLogs/123456789012/CloudTrail/us-east-1/2026/11/21"));
        Files.writeString(tree.resolve("a.json"), "{\"Records\":[{\"eventName\":\"A\"}]}");
        Files.createSymbolicLink(tree.resolve("b.json"), dir.resolve("gone.json"));

        Run run = Run.of("filter", "-p", ALL, dir.resolve("tree").toString());
        assertThat(run.code()).isEqualTo(ExitCodes.IO_ERROR);
        assertThat(run.out()).isEqualTo("{\"eventName\":\"A\"}\n");
        assertThat(run.err()).isEqualTo("cwfilter: cannot read '" + tree.resolve("b.json") + "': no such file\n");
    }

    /** The inputs a directory argument stands for. */
    record InputOptionsAccess(Path dir) {
        List<dev.cwfilter.cli.input.Input> inputs() {
            List<dev.cwfilter.cli.input.Input> out = new java.util.ArrayList<>();
            dev.cwfilter.cli.input.Input.directory(dir, out);
            return out;
        }
    }
}
