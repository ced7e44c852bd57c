package dev.cwfilter.testkit.events;

import static dev.cwfilter.testkit.FilterAssertions.assertThatPattern;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cwfilter.FilterOptions;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SampleLinesTest {

    static final String VPC_PATTERN = "[version, account, eni, source, destination, srcport, destport, protocol,"
            + " packets, bytes, windowstart, windowend, action, flowlogstatus]";

    @Test
    void vpcFlowLogRecordsHaveTheFourteenDefaultFields() {
        String line = VpcFlowLogRecord.rejected().source("203.0.113.12", 49152).destination("10.0.1.25", 22)
                .at("12:00:00").build();
        assertThat(line).isEqualTo("2 123456789012 eni-0a1b2c3d4e5f60718 203.0.113.12 10.0.1.25 49152 22 6 20 4249"
                + " 1795262400 1795262460 REJECT OK");
        assertThat(Instant.ofEpochSecond(1795262400)).isEqualTo(Instant.parse("2026-11-21T12:00:00Z"));
        assertThatPattern("[version, account, eni, source, destination, srcport, destport=\"22\", protocol=\"6\","
                + " packets, bytes, windowstart, windowend, action=\"REJECT\", flowlogstatus]")
                .matches(line).extracts("$source", "203.0.113.12")
                .doesNotMatch(VpcFlowLogRecord.accepted().destination("10.0.1.25", 22).build());
        assertThat(VpcFlowLogRecord.accepted().noData().build())
                .isEqualTo("2 123456789012 eni-0a1b2c3d4e5f60718 - - - - - - - 1795262400 1795262460 - NODATA");
        assertThatPattern(VPC_PATTERN).matches(VpcFlowLogRecord.accepted().skipData().build())
                .extracts("$flowlogstatus", "SKIPDATA");
    }

    @Test
    void apacheAccessLogLinesInCombinedAndCommonFormat() {
        ApacheAccessLogEntry e = ApacheAccessLogEntry.get("/apache_pb.gif").client("127.0.0.1").user("frank")
                .status(404).size(2326).at("2026-11-21T13:55:36Z");
        assertThat(e.commonFormat().build()).isEqualTo(
                "127.0.0.1 - frank [21/Nov/2026:13:55:36 +0000] \"GET /apache_pb.gif HTTP/1.1\" 404 2326");
        assertThat(e.referer("http://www.example.com/start.html").build()).isEqualTo(
                "127.0.0.1 - frank [21/Nov/2026:13:55:36 +0000] \"GET /apache_pb.gif HTTP/1.1\" 404 2326"
                        + " \"http://www.example.com/start.html\" \"curl/8.5.0\"");
        assertThatPattern("[ip, user, username, timestamp, request, status_code = 4*, size]")
                .matches(e.commonFormat().build()).extracts("$status_code", "404")
                .doesNotMatch(e.status(200).commonFormat().build());
        assertThat(ApacheAccessLogEntry.request("HEAD", "/").size(0).build()).contains("\" 200 - \"");
    }

    @Test
    void lambdaLinesHaveTextBeforeTheirJson() {
        LambdaLogLine line = LambdaLogLine.json("ERROR", "{\"level\":\"ERROR\",\"message\":\"payment declined\"}")
                .at("12:00:00.250");
        assertThat(line.build()).isEqualTo("2026-11-21T12:00:00.250Z\t3f1c2b9e-7d4a-4c1e-9a53-2f0d6b8e4a11\tERROR\t"
                + "{\"level\":\"ERROR\",\"message\":\"payment declined\"}");
        assertThatPattern("{ $.level = \"ERROR\" }").doesNotMatch(line.build())
                .withOptions(FilterOptions.builder().lenientJsonPrefix(true).build()).matches(line.build());
        assertThat(LambdaLogLine.text("INFO", "hello").build()).startsWith("2026-11-21T12:00:00.000Z\t");
        assertThat(LambdaLogLine.start().build()).isEqualTo(
                "START RequestId: 3f1c2b9e-7d4a-4c1e-9a53-2f0d6b8e4a11 Version: $LATEST");
        assertThat(LambdaLogLine.report().duration(102.25).build()).isEqualTo("REPORT RequestId:"
                + " 3f1c2b9e-7d4a-4c1e-9a53-2f0d6b8e4a11\tDuration: 102.25 ms\tBilled Duration: 103 ms\tMemory Size:"
                + " 128 MB\tMax Memory Used: 70 MB\t");
        assertThatPattern("\"Task timed out\"").matches(LambdaLogLine.timeout().build());
        assertThat(LambdaLogLine.timeout().build()).endsWith("Task timed out after 3.00 seconds");
        assertThatPattern("[type=REPORT, label, request_id, duration_label=\"Duration:\", duration > 100,"
                + " unit=ms, ...]")
                .matches(LambdaLogLine.report().build());
    }
}
