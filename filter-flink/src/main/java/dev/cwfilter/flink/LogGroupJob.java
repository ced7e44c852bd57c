package dev.cwfilter.flink;

import dev.cwfilter.FilterOptions;
import dev.cwfilter.LogEvent;
import dev.cwfilter.LogGroup;
import dev.cwfilter.definitions.LogGroupSelection;
import dev.cwfilter.definitions.MetricsDocument;
import dev.cwfilter.metric.MetricAlarm;
import dev.cwfilter.metric.Statistic;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.serialization.Encoder;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.connector.file.src.reader.StreamFormat;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.PrintSink;
import org.apache.flink.streaming.api.functions.sink.filesystem.rollingpolicies.OnCheckpointRollingPolicy;
import org.apache.flink.util.MultipleParameterTool;
import org.apache.flink.util.TimeUtils;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

/**
 * A ready Flink job: a log group's metric filters and the alarms on their metrics over log events from files (JSON
 * lines or CloudTrail log files, optionally watched for new files) or Kafka, writing datapoints, alarm transitions,
 * late events and rejections as JSON lines ({@link MetricsJson}) through Flink's exactly-once {@code FileSink}, or to
 * standard output. Run it with {@code flink run filter-flink-job.jar ...} or locally (see docs/flink.md).
 *
 * <pre>
 * flink run -c dev.cwfilter.flink.LogGroupJob filter-flink-0.1.0-SNAPSHOT-job.jar \
 *     --metric-filters filters.json --alarms alarms.json \
 *     --input s3://trail/AWSLogs/ --format cloudtrail --monitor-interval 1min \
 *     --lateness 5min --output s3://metrics/cwfilter/
 * </pre>
 *
 * <p>Not thread-safe: {@link #main} runs once on the client.
 */
public final class LogGroupJob {

    private LogGroupJob() {
    }

    /**
     * Reads the flags and the definitions, builds the job and runs it. Definitions that cannot be used (an invalid
     * pattern, an alarm on a metric no filter publishes, ...) are named on standard error and left out; the others
     * run. Exits with status 2 on wrong flags or when no metric filter is left.
     */
    public static void main(String[] args) throws Exception {
        Options o;
        Job job;
        try {
            o = Options.parse(args);
            job = definitions(o, System.err);
        } catch (IllegalArgumentException | org.apache.flink.util.FlinkRuntimeException e) {
            System.err.println("LogGroupJob: " + e.getMessage());
            System.err.println(Options.USAGE);
            System.exit(2);
            return;
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        run(env, o, job);
    }

    /**
     * Builds the job into {@code env} and runs it until it ends. With {@code --output-document}, the run's summary is
     * collected when the input ends and the whole {@code cwfilter.metrics/1} document is written, as
     * {@code cwfilter metrics --output json} writes it (byte for byte on the same input, definitions and settings:
     * see docs/flink.md); this needs an attached client ({@code flink run} without {@code -d}, or a local run).
     */
    public static void run(StreamExecutionEnvironment env, Options o, Job job) throws Exception {
        String name = "cwfilter " + job.group().name().orElse("log group");
        Built applied = applied(env, o, job.group(), job.alarms());
        if (o.outputDocument() == null) {
            env.execute(name);
            return;
        }
        RunSummary summary = new RunSummary(0);
        int parts = 0;
        try (org.apache.flink.util.CloseableIterator<byte[]> it = applied.summary().executeAndCollect(name)) {
            while (it.hasNext()) {
                summary.merge(RunSummary.fromBytes(it.next()));
                parts++;
            }
        }
        if (parts != 1) {
            throw new IllegalStateException("the job ended with " + parts + " summaries instead of one");
        }
        MetricsDocument doc = summary.document(job.selection(), o.datapointPeriod(), o.statistics());
        java.io.StringWriter text = new java.io.StringWriter();
        try (com.fasterxml.jackson.core.JsonGenerator g = com.fasterxml.jackson.core.JsonFactory.builder().build()
                .createGenerator(text)) {
            g.useDefaultPrettyPrinter();
            doc.write(g);
        }
        text.write(System.lineSeparator());
        if (o.outputDocument().equals("-")) {
            System.out.print(text);
            System.out.flush();
        } else {
            java.nio.file.Path file = java.nio.file.Path.of(o.outputDocument());
            java.nio.file.Path dir = file.toAbsolutePath().getParent();
            java.nio.file.Files.createDirectories(dir);
            java.nio.file.Path tmp = java.nio.file.Files.createTempFile(dir, ".cwfilter-document", ".tmp");
            java.nio.file.Files.writeString(tmp, text.toString(), java.nio.charset.StandardCharsets.UTF_8);
            java.nio.file.Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
    }

    /**
     * The log group and alarms to run.
     *
     * @param group     the log group: the metric filters of the definitions files
     * @param alarms    the alarms on the metrics those filters publish
     * @param selection what of the definitions runs and what was left out, as {@code cwfilter metrics} selects it
     */
    public record Job(LogGroup group, List<MetricAlarm> alarms, LogGroupSelection selection) {
    }

    /**
     * Reads {@code --metric-filters} and {@code --alarms} (describe-metric-filters or describe-alarms JSON, or a
     * CloudFormation template or Terraform plan, as {@code cwfilter metrics} reads them) and keeps what can run, by
     * the rule {@code cwfilter metrics} follows ({@link LogGroupSelection}): the filters of one log group
     * ({@code --log-group}, or the only one the files name) that publish a metric, and the alarms on their metrics.
     * Every definition left out is named on {@code err} with why.
     *
     * @throws IllegalArgumentException if a file cannot be read, the files name several log groups and none was
     *                                  chosen, or no filter is left
     */
    public static Job definitions(Options o, java.io.PrintStream err) {
        List<dev.cwfilter.definitions.Definitions> alarmSources = o.alarms() == null ? List.of()
                : List.of(read(o.alarms()));
        LogGroupSelection selection = LogGroupSelection.select(List.of(read(o.metricFilters())), alarmSources,
                o.logGroupName(), d -> false);
        selection.problems().forEach(p -> err.println("LogGroupJob: " + LogGroupSelection.leftOut(p)));
        if (selection.failure().isPresent()) {
            throw new IllegalArgumentException(selection.failure().get());
        }
        return new Job(selection.group(), selection.alarms().stream().map(LogGroupSelection.AlarmOn::alarm).toList(),
                selection);
    }

    private static dev.cwfilter.definitions.Definitions read(String file) {
        try {
            return dev.cwfilter.definitions.DefinitionFiles.read(java.nio.file.Path.of(file),
                    FilterOptions.defaults());
        } catch (dev.cwfilter.deploy.DocumentException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        } catch (java.io.UncheckedIOException e) {
            throw new IllegalArgumentException("cannot read '" + file + "': " + e.getCause().getMessage(), e);
        }
    }

    /** Where the events come from. */
    public enum Format {
        /** One event per line; time from {@code timestamp} or {@code eventTime}. */
        LINES,
        /** CloudTrail log files, {@code {"Records":[...]}}. */
        CLOUDTRAIL
    }

    /** How the watermark is made (see {@link LogEventWatermarks}). */
    public enum Watermarks {
        /** Flink's periodic bounded out-of-orderness watermarks. */
        PERIODIC,
        /** A watermark after every event that moves it: reproducible. */
        PER_EVENT,
        /** None before the input ends: a replay of bounded input. */
        END
    }

    /**
     * The job's settings, as the flags give them. Immutable.
     *
     * @param metricFilters      the {@code aws logs describe-metric-filters} JSON file
     * @param alarms             the {@code aws cloudwatch describe-alarms} JSON file, or null
     * @param logGroupName       only the filters of this log group, or null for every filter of the file
     * @param inputs             files or directories to read, or none with Kafka
     * @param format             their format
     * @param monitorInterval    how often to look for new files (unbounded), or null to read the files once
     * @param kafkaServers       Kafka's bootstrap servers, or null
     * @param kafkaTopics        the topics to read
     * @param kafkaGroupId       the consumer group
     * @param kafkaOffsets       where to start: earliest, latest or committed (falling back to earliest)
     * @param kafkaTimestamp     where an event's time comes from
     * @param kafkaProperties    more consumer properties
     * @param kafkaBounded       read each partition up to its latest offset at the start, then end (a replay)
     * @param idleness           how long a source split may be silent before the watermark goes on without it, or
     *                           null
     * @param lateness           how far the watermark trails the newest event
     * @param watermarks         how the watermark is made
     * @param startTime          the first watermark, or null (see {@link LogGroupPipeline.Builder#startTime(long)})
     * @param output             the output directory (any Flink file system), or {@code -} for standard output
     * @param datapointPeriod    the datapoints' period, seconds
     * @param statistics         the datapoints' statistics
     * @param checkpointInterval how often to checkpoint (the FileSink commits at each checkpoint)
     * @param parallelism        the job's parallelism, or 0 for the environment's
     * @param snsNotify          publish each transition to its alarm's SNS actions ({@link SnsNotificationSink})
     * @param awsRegion          the AWS region for SNS, or null for the SDK's default chain
     * @param awsEndpoint        an endpoint URL for SNS (a local AWS), or null
     * @param awsProfile         a named profile of the AWS configuration, or null
     * @param outputDocument     with bounded input, where to write the whole {@code cwfilter.metrics/1} document
     *                           when the input ends (a file of the client's file system, {@code -} for standard
     *                           output), or null
     */
    public record Options(String metricFilters, String alarms, String logGroupName, List<String> inputs,
                          Format format, Duration monitorInterval, String kafkaServers, List<String> kafkaTopics,
                          String kafkaGroupId, String kafkaOffsets, KafkaLogEvents.Timestamp kafkaTimestamp,
                          Properties kafkaProperties, boolean kafkaBounded, Duration idleness, Duration lateness,
                          Watermarks watermarks,
                          Instant startTime, String output, int datapointPeriod, List<Statistic> statistics,
                          Duration checkpointInterval, int parallelism, boolean snsNotify, String awsRegion,
                          String awsEndpoint, String awsProfile, String outputDocument) {

        /** Usage, printed when the flags are wrong. */
        public static final String USAGE = String.join("\n",
                "Usage: LogGroupJob --metric-filters FILE [--alarms FILE] [--log-group NAME]",
                "         (--input PATH... [--format lines|cloudtrail] [--monitor-interval DURATION]",
                "          | --kafka-bootstrap-servers HOSTS --kafka-topic TOPIC... [--kafka-group-id ID]",
                "            [--kafka-starting-offsets earliest|latest|committed] [--kafka-timestamp record|message]",
                "            [--kafka-property KEY=VALUE...] [--kafka-bounded])",
                "         [--lateness DURATION] [--watermarks periodic|per-event|end] [--idleness DURATION]",
                "         [--start-time ISO-8601] [--output DIR|-] [--datapoint-period SECONDS]",
                "         [--statistics Sum,Average,p99,...] [--checkpoint-interval DURATION] [--parallelism N]",
                "         [--notify [--region REGION] [--endpoint-url URL] [--profile NAME]]",
                "         [--output-document FILE|-]   (bounded input: files read once, or --kafka-bounded)",
                "Durations as Flink writes them: 30s, 5min, 1h. Defaults: --format lines, --lateness 1min,",
                "--watermarks periodic, --output -, --datapoint-period 60, --statistics",
                "SampleCount,Sum,Average,Minimum,Maximum, --checkpoint-interval 10s.");

        /**
         * Reads the flags.
         *
         * @throws IllegalArgumentException naming the flag that is missing or wrong
         */
        public static Options parse(String[] args) {
            MultipleParameterTool p = MultipleParameterTool.fromArgs(args);
            String filters = p.get("metric-filters");
            if (filters == null) {
                throw new IllegalArgumentException("--metric-filters FILE is required");
            }
            List<String> inputs = list(p, "input");
            String servers = p.get("kafka-bootstrap-servers");
            if (inputs.isEmpty() == (servers == null)) {
                throw new IllegalArgumentException("give either --input PATH or --kafka-bootstrap-servers HOSTS");
            }
            List<String> topics = list(p, "kafka-topic");
            if (servers != null && topics.isEmpty()) {
                throw new IllegalArgumentException("--kafka-topic TOPIC is required with Kafka");
            }
            Properties kafka = new Properties();
            for (String kv : list(p, "kafka-property")) {
                int eq = kv.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("--kafka-property " + kv + ": expected KEY=VALUE");
                }
                kafka.setProperty(kv.substring(0, eq), kv.substring(eq + 1));
            }
            String offsets = p.get("kafka-starting-offsets", "committed").toLowerCase(Locale.ROOT);
            if (!List.of("earliest", "latest", "committed").contains(offsets)) {
                throw new IllegalArgumentException("--kafka-starting-offsets " + offsets
                        + ": expected earliest, latest or committed");
            }
            List<Statistic> statistics = new ArrayList<>();
            for (String s : p.get("statistics", "SampleCount,Sum,Average,Minimum,Maximum").split(",")) {
                statistics.add(Statistic.parse(s.trim()));
            }
            int period = Integer.parseInt(p.get("datapoint-period", "60"));
            if (p.has("output-document")) {
                if (p.get("output-document") == null || p.get("output-document").equals("__NO_VALUE_KEY")) {
                    throw new IllegalArgumentException("--output-document needs a value (a file, or - for standard"
                            + " output)");
                }
                if (p.has("monitor-interval") || (servers != null && !p.has("kafka-bounded"))) {
                    throw new IllegalArgumentException("--output-document needs bounded input (files read once, or"
                            + " Kafka with --kafka-bounded): the document holds totals, which an input that never"
                            + " ends never has");
                }
            }
            return new Options(filters, p.get("alarms"), p.get("log-group"), inputs,
                    choice(Format.class, "format", p.get("format", "lines")),
                    p.has("monitor-interval") ? duration(p, "monitor-interval") : null, servers, topics,
                    p.get("kafka-group-id", "cwfilter"), offsets,
                    choice(KafkaLogEvents.Timestamp.class, "kafka-timestamp", p.get("kafka-timestamp", "record")),
                    kafka, p.has("kafka-bounded"), p.has("idleness") ? duration(p, "idleness") : null,
                    p.has("lateness") ? duration(p, "lateness") : Duration.ofMinutes(1),
                    choice(Watermarks.class, "watermarks", p.get("watermarks", "periodic")),
                    p.has("start-time") ? Instant.parse(p.get("start-time")) : null, p.get("output", "-"), period,
                    List.copyOf(statistics),
                    p.has("checkpoint-interval") ? duration(p, "checkpoint-interval") : Duration.ofSeconds(10),
                    Integer.parseInt(p.get("parallelism", "0")), p.has("notify"), p.get("region"),
                    p.get("endpoint-url"), p.get("profile"), p.get("output-document"));
        }

        private static List<String> list(MultipleParameterTool p, String name) {
            if (!p.has(name)) {
                return List.of();
            }
            Collection<String> values = p.getMultiParameter(name);
            List<String> result = new ArrayList<>();
            for (String v : values) {
                if (v == null || v.equals("__NO_VALUE_KEY")) {
                    throw new IllegalArgumentException("--" + name + " needs a value");
                }
                result.add(v);
            }
            return result;
        }

        private static Duration duration(MultipleParameterTool p, String name) {
            try {
                return TimeUtils.parseDuration(p.get(name));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("--" + name + " " + p.get(name) + ": not a duration (30s, 5min, 1h)",
                        e);
            }
        }

        private static <E extends Enum<E>> E choice(Class<E> type, String name, String value) {
            try {
                return Enum.valueOf(type, value.toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--" + name + " " + value + ": expected one of "
                        + java.util.Arrays.stream(type.getEnumConstants())
                        .map(c -> c.name().toLowerCase(Locale.ROOT).replace('_', '-')).toList());
            }
        }
    }

    /** Builds the job into {@code env}: source, pipeline, sinks; checkpointing on. */
    public static LogGroupPipeline.Result build(StreamExecutionEnvironment env, Options o, LogGroup group,
                                                List<MetricAlarm> alarms) {
        return applied(env, o, group, alarms).result();
    }

    /** The job built: its streams, and with {@code --output-document} the run's summary. */
    private record Built(LogGroupPipeline.Result result, DataStream<byte[]> summary) {
    }

    private static Built applied(StreamExecutionEnvironment env, Options o, LogGroup group, List<MetricAlarm> alarms) {
        Objects.requireNonNull(o, "options");
        if (o.parallelism() > 0) {
            env.setParallelism(o.parallelism());
        }
        env.enableCheckpointing(o.checkpointInterval().toMillis());
        // The job's operators keep nothing of a record after handling it, so Flink need not copy records between
        // chained operators (three copies per event otherwise).
        env.getConfig().enableObjectReuse();
        boolean document = o.outputDocument() != null;
        // The document's periods hold the basic statistics and the others asked for, as cwfilter metrics writes them.
        LogGroupPipeline.Builder b = LogGroupPipeline.builder(group).alarms(alarms)
                .datapointPeriodSeconds(o.datapointPeriod()).datapointStatistics(document
                        ? MetricsDocument.periodStatistics(o.statistics()) : o.statistics()).summary(document);
        if (o.startTime() != null) {
            b.startTime(o.startTime());
        }
        LogGroupPipeline pipeline = b.build();
        DataStream<LogEvent> events = env.fromSource(source(o), watermarks(o), o.kafkaServers() != null
                ? "cwfilter kafka" : "cwfilter files", CloudWatchTypes.LOG_EVENT).uid("cwfilter-source");
        LogGroupPipeline.Applied applied = pipeline.applied(events);
        LogGroupPipeline.Result r = applied.result();
        sink(r.datapoints(), o.output(), "datapoints", MetricsJson.Lines.datapoints());
        sink(r.transitions(), o.output(), "transitions", MetricsJson.Lines.transitions());
        sink(r.lateEvents(), o.output(), "late", MetricsJson.Lines.lateEvents());
        sink(r.rejections(), o.output(), "rejections", MetricsJson.Lines.rejections());
        if (o.snsNotify()) {
            String region = o.awsRegion();
            String endpoint = o.awsEndpoint();
            String profile = o.awsProfile();
            SnsNotificationSink.Builder sns = SnsNotificationSink.builder(pipeline)
                    .sns(() -> snsClient(region, endpoint, profile));
            if (region != null) {
                sns.region(region);
            }
            r.transitions().sinkTo(sns.build()).name("cwfilter SNS notifications").uid("cwfilter-sink-sns");
        }
        return new Built(r, document ? pipeline.summary(applied) : null);
    }

    /** An SNS client from the AWS SDK's default chain, with what the flags set (on the committing task). */
    static software.amazon.awssdk.services.sns.SnsClient snsClient(String region, String endpoint, String profile) {
        dev.cwfilter.aws.AwsClients.Builder b = dev.cwfilter.aws.AwsClients.builder();
        if (region != null) {
            b.region(region);
        }
        if (endpoint != null) {
            b.endpoint(java.net.URI.create(endpoint));
        }
        if (profile != null) {
            b.profile(profile);
        }
        return b.build().sns();
    }

    /** The source the options describe: files (watched or read once) or Kafka. */
    static org.apache.flink.api.connector.source.Source<LogEvent, ?, ?> source(Options o) {
        if (o.kafkaServers() != null) {
            return kafkaSource(o);
        }
        StreamFormat<LogEvent> format = o.format() == Format.CLOUDTRAIL ? LogEventFormats.cloudTrail()
                : LogEventFormats.jsonLines(FilterOptions.CLOUDWATCH_MAX_EVENT_BYTES);
        FileSource.FileSourceBuilder<LogEvent> files = FileSource.forRecordStreamFormat(format,
                o.inputs().stream().map(Path::new).toArray(Path[]::new));
        if (o.monitorInterval() != null) {
            files.monitorContinuously(o.monitorInterval());
        }
        return files.build();
    }

    /** The Kafka source the options describe. */
    static KafkaSource<LogEvent> kafkaSource(Options o) {
        KafkaSourceBuilder<LogEvent> k = KafkaSource.<LogEvent>builder()
                .setBootstrapServers(o.kafkaServers())
                .setTopics(o.kafkaTopics())
                .setGroupId(o.kafkaGroupId())
                .setDeserializer(new KafkaLogEvents(o.kafkaTimestamp()))
                .setProperties(o.kafkaProperties());
        k.setStartingOffsets(switch (o.kafkaOffsets()) {
            case "earliest" -> OffsetsInitializer.earliest();
            case "latest" -> OffsetsInitializer.latest();
            default -> OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST);
        });
        if (o.kafkaBounded()) {
            k.setBounded(OffsetsInitializer.latest());
        }
        return k.build();
    }

    static WatermarkStrategy<LogEvent> watermarks(Options o) {
        WatermarkStrategy<LogEvent> w = switch (o.watermarks()) {
            case PERIODIC -> LogEventWatermarks.periodic(o.lateness());
            case PER_EVENT -> LogEventWatermarks.perEvent(o.lateness());
            case END -> LogEventWatermarks.atEnd();
        };
        return o.idleness() == null ? w : w.withIdleness(o.idleness());
    }

    private static <T> void sink(DataStream<T> stream, String output, String name, MetricsJson.Lines<T> lines) {
        if (output.equals("-")) {
            stream.map(new Line<>(lines)).returns(String.class).name("cwfilter " + name + " as JSON")
                    .sinkTo(new PrintSink<>(name)).name("cwfilter " + name + " to stdout");
            return;
        }
        stream.sinkTo(FileSink.forRowFormat(new Path(output, name), (Encoder<T>) lines)
                        .withRollingPolicy(OnCheckpointRollingPolicy.build()).build())
                .name("cwfilter " + name).uid("cwfilter-sink-" + name);
    }

    /** One record as its JSON line. */
    private static final class Line<T> implements org.apache.flink.api.common.functions.MapFunction<T, String> {
        private static final long serialVersionUID = 1L;
        private final MetricsJson.Lines<T> lines;

        Line(MetricsJson.Lines<T> lines) {
            this.lines = lines;
        }

        @Override
        public String map(T value) throws Exception {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            lines.encode(value, out);
            String s = out.toString(java.nio.charset.StandardCharsets.UTF_8);
            return s.substring(0, s.length() - 1);
        }
    }
}
