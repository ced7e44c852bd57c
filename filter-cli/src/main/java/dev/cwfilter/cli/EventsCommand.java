package dev.cwfilter.cli;

import dev.cwfilter.FilterOptions;
import dev.cwfilter.aws.DeliveryCounts;
import dev.cwfilter.aws.DeliveryFailure;
import dev.cwfilter.aws.EventDeliveryListener;
import dev.cwfilter.aws.EventNotification;
import dev.cwfilter.aws.SnsEventTarget;
import dev.cwfilter.aws.WhenFull;
import dev.cwfilter.cli.input.EventSource;
import dev.cwfilter.cli.input.Input;
import dev.cwfilter.deploy.DocumentException;
import dev.cwfilter.deploy.Documents;
import dev.cwfilter.events.CloudTrailEnvelope;
import dev.cwfilter.events.EventRule;
import dev.cwfilter.events.EventRuleException;
import dev.cwfilter.events.EventRuleSet;
import dev.cwfilter.events.RuleState;
import dev.cwfilter.events.definitions.RuleDefinitions;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code cwfilter events}: EventBridge rules over CloudTrail events, as EventBridge would run them.
 *
 * <p>Not thread-safe: picocli creates one instance per command line and fills its options.
 */
@Command(name = "events", mixinStandardHelpOptions = true, sortOptions = false,
        versionProvider = VersionProvider.class,
        description = {
            "Runs EventBridge rules over CloudTrail events as EventBridge would: each record becomes the event "
                    + "EventBridge delivers (detail-type, source, account, time, region, detail = the record), the "
                    + "rules' patterns are matched by event-ruler, the matcher EventBridge uses, rule states are "
                    + "applied (ENABLED rules receive no read-only List/Get/Describe calls), and each matching "
                    + "rule is printed with the event and what each of its targets receives (Input, InputPath, "
                    + "InputTransformer).",
            "Inputs as for filter: CloudTrail log files ({\"Records\":[...]}), one record or event per line, the JSON "
                    + "of aws logs filter-log-events; gzipped or not; files, directories (CloudTrail's S3 layout) or "
                    + "standard input; and, as for metrics, s3://bucket/prefix and --log-group NAME with "
                    + "--start-time/--end-time. Events that are not CloudTrail records (nor EventBridge events), and "
                    + "matches a rule's state keeps out, are reported on standard error at the end.",
            "--notify publishes each payload of a rule's SNS targets to the topic, as EventBridge does.",
            ""},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success, whether or not any rule matched",
            "1:an input could not be opened or read (it is named; the other inputs were still read), or with "
                    + "--notify a payload was not delivered to SNS",
            "2:an invalid rule (the message names the rule and the offending part of it), rules file or option"},
        footerHeading = "%nExamples:%n",
        footer = {
            "  cwfilter events --rule '{\"source\":[\"aws.secretsmanager\"],\"detail\":{\"eventName\":"
                    + "[\"DeleteSecret\",\"RotateSecret\"]}}' cloudtrail/*.json.gz",
            "  aws events list-rules > rules.json",
            "  aws events list-targets-by-rule --rule secret-changes > secret-changes.json",
            "  cwfilter events --rules rules.json --targets secret-changes=secret-changes.json trail.json",
            "  cwfilter events --rules template.yaml --parameter Environment=prod --output json trail.json",
            "  terraform show -json plan.out > plan.json && cwfilter events --rules plan.json trail.json",
            "  cwfilter events --rules rules.json --targets secret-changes=secret-changes.json --notify \\",
            "      --region us-east-1 s3://trail-bucket/AWSLogs/123456789012/CloudTrail/us-east-1/2026/11/21/",
            "  (docs/events.md; docs/aws.md: the AWS options and the IAM permissions each needs)"})
public final class EventsCommand implements Callable<Integer> {

    @ParentCommand
    private CwfilterCommand parent;

    @Spec
    private CommandSpec spec;

    @Option(names = "--rule", paramLabel = "PATTERN|FILE",
            description = "An event pattern: JSON text, or a file holding it. May be repeated; the rules are named "
                    + "after their files, or pattern-1, pattern-2, ... (pattern if there is one). They have no targets.")
    private List<String> patterns = new ArrayList<>();

    @Option(names = "--rules", paramLabel = "FILE",
            description = "Rules as they are kept: the JSON of aws events list-rules or describe-rule, a "
                    + "CloudFormation template (JSON or YAML; AWS::Events::Rule with its Targets) or a Terraform "
                    + "plan (terraform show -json; aws_cloudwatch_event_rule and _target). May be repeated.")
    private List<Path> ruleFiles = new ArrayList<>();

    @Option(names = "--targets", paramLabel = "RULE=FILE",
            description = "The targets of a rule of --rules: the JSON of aws events list-targets-by-rule --rule RULE."
                    + " May be repeated.")
    private Map<String, Path> targetFiles = new LinkedHashMap<>();

    @Option(names = {"-P", "--parameter"}, paramLabel = "NAME=VALUE",
            description = "A CloudFormation parameter value for --rules templates (else the parameter's Default); "
                    + "pseudo parameters too (AWS::Region=us-east-1). May be repeated.")
    private Map<String, String> parameters = new LinkedHashMap<>();

    @Option(names = "--all-management-events",
            description = "--rule patterns are in state ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS, so they also "
                    + "receive read-only management events (List*, Get*, Describe*). Default: ENABLED, as a rule "
                    + "created without a state.")
    private boolean allManagementEvents;

    @Option(names = "--random-ids",
            description = "Give each event a random id, as EventBridge does. Default: an id derived from the record, "
                    + "the same on every run, so that outputs can be compared.")
    private boolean randomIds;

    @Option(names = {"-o", "--output"}, paramLabel = "text|json", defaultValue = "text",
            converter = OutputConverter.class,
            description = "text: per match, the call, the rule, the event as delivered and each target's payload. "
                    + "json: one JSON object per line and match, {\"rule\", \"event\" (as delivered), \"targets\": "
                    + "[{\"id\", \"arn\", \"payload\" (the exact text, as a string)}]}. Default: ${DEFAULT-VALUE}.")
    private EventsPipeline.Output output;

    @Option(names = "--notify",
            description = "Publish each payload of a matching rule's SNS targets to the topic, as EventBridge does "
                    + "(the payload is the message; no subject). Targets of other kinds (SQS, Lambda, ...) are not "
                    + "run, and said so. A payload not delivered is printed and makes the exit status 1.")
    private boolean notify;

    @Option(names = "--log-group", paramLabel = "NAME",
            description = "Read the events of this CloudWatch Logs log group too (FilterLogEvents; with --start-time "
                    + "and --end-time).")
    private String logGroup;

    @Option(names = "--start-time", paramLabel = "TIME",
            description = "The start of the events read from AWS (--log-group, or s3:// CloudTrail files): epoch "
                    + "milliseconds or ISO-8601, UTC unless an offset is given.")
    private String startTime;

    @Option(names = "--end-time", paramLabel = "TIME", description = "The end (exclusive) of the events read from AWS.")
    private String endTime;

    @Mixin
    private InputOptions inputs;

    @Mixin
    private AwsOptions aws;

    /** Converts {@code --output} names. */
    static final class OutputConverter extends TextOrJson<EventsPipeline.Output> {
        OutputConverter() {
            super(EventsPipeline.Output.TEXT, EventsPipeline.Output.JSON);
        }
    }

    @Override
    public Integer call() throws Exception {
        return aws.call(spec.commandLine().getErr(), this::run);
    }

    private Integer run() throws IOException {
        EventRuleSet rules = rules();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CliEnvironment env = parent.environment();
        if (logGroup != null && (startTime == null || endTime == null)) {
            throw new UsageError("cwfilter events: --log-group needs --start-time and --end-time (the events to read)");
        }
        if ((startTime != null || endTime != null) && logGroup == null && inputs.s3Uris().isEmpty()) {
            throw new UsageError("cwfilter events: --start-time and --end-time limit the events read from AWS"
                    + " (--log-group, s3:// inputs)");
        }
        long start = startTime == null ? Long.MIN_VALUE : CliTime.parse("--start-time", startTime);
        long end = endTime == null ? Long.MAX_VALUE : CliTime.parse("--end-time", endTime);
        if (start >= end) {
            throw new UsageError("cwfilter events: --start-time must be before --end-time");
        }
        if (notify && rules.rules().stream().noneMatch(r -> !r.targets().isEmpty())) {
            throw new UsageError("cwfilter events: --notify publishes to the rules' SNS targets, and no rule has a"
                    + " target: give rules with their targets (--rules, --targets)");
        }
        List<Input> in = inputs.inputs(env.stdin(), logGroup != null || !inputs.s3Uris().isEmpty());
        // EventBridge's own limit decides which events are delivered; the readers only guard memory.
        EventSource source = new EventSource(in, inputs.format(), FilterOptions.CLOUDWATCH_MAX_EVENT_BYTES,
                env.progress(err, EventSource.totalSize(in)));
        CloudTrailEnvelope.Builder envelope = CloudTrailEnvelope.builder();
        if (randomIds) {
            envelope.randomIds();
        }
        EventsPipeline pipeline = new EventsPipeline(rules, envelope.build(), output, out);
        SnsEventTarget sns = null;
        Map<String, long[]> notSns = new LinkedHashMap<>();
        if (notify) {
            // A replay: losing nothing matters more than the pace, so a full outbox makes the reading wait.
            sns = SnsEventTarget.builder(aws.clients().sns()).whenFull(WhenFull.WAIT)
                    .listener(new EventDeliveryListener() {
                        @Override
                        public void failed(EventNotification n, DeliveryFailure failure) {
                            synchronized (err) {
                                err.println("cwfilter: payload NOT delivered: " + failure.message());
                                err.flush();
                            }
                        }
                    }).build();
            SnsEventTarget publisher = sns;
            pipeline.deliverTo(d -> {
                if (SnsEventTarget.isSnsTopic(d.target().arn())) {
                    publisher.deliver(d);
                } else {
                    notSns.computeIfAbsent(d.rule().name() + " target " + d.target().id() + " (" + d.target().arn()
                            + ")", k -> new long[1])[0]++;
                }
            });
        }
        int code = ExitCodes.OK;
        try {
            source.forEach(pipeline);
            code = AwsEvents.read(aws, "events", inputs.s3Uris(), logGroup, start, end,
                    (e, from, position) -> feed(pipeline, e, from, position), err);
            pipeline.finish();
        } finally {
            if (sns != null) {
                sns.close();
            }
        }
        for (String line : pipeline.report()) {
            err.println(line);
        }
        if (sns != null) {
            DeliveryCounts c = sns.counts();
            notSns.forEach((target, n) -> err.println("cwfilter: " + n[0] + (n[0] == 1 ? " payload" : " payloads")
                    + " of rule " + target + " not sent: only SNS targets are published to"));
            err.println("cwfilter: " + c.delivered() + (c.delivered() == 1 ? " payload" : " payloads")
                    + " published to SNS" + (c.failed() == 0 ? "" : ", " + c.failed() + " NOT delivered (above)"));
            if (c.failed() > 0) {
                code = ExitCodes.IO_ERROR;
            }
        }
        return Math.max(code, Reports.print(err, source, FilterOptions.CLOUDWATCH_MAX_EVENT_BYTES, ""));
    }

    private static boolean feed(EventsPipeline pipeline, dev.cwfilter.LogEvent e, String source, long position) {
        byte[] utf8 = e.message().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        try {
            return pipeline.accept(utf8, 0, utf8.length, source, position);
        } catch (IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
    }

    /** Every rule of the command line, checked; any problem is a usage error naming the rule and the part. */
    private EventRuleSet rules() {
        if (patterns.isEmpty() && ruleFiles.isEmpty()) {
            throw new UsageError("cwfilter events: which rules? Give an event pattern with --rule or a file of rules"
                    + " with --rules");
        }
        List<RuleDefinitions> files = new ArrayList<>();
        try {
            for (Path file : ruleFiles) {
                files.add(RuleDefinitions.read(file, parameters));
            }
            RuleDefinitions all = RuleDefinitions.concat("--rules", files);
            for (Map.Entry<String, Path> t : targetFiles.entrySet()) {
                if (ruleFiles.isEmpty()) {
                    throw new UsageError("cwfilter events: --targets gives the targets of a rule of --rules, and"
                            + " there is no --rules");
                }
                all = all.withTargets(t.getKey(), Documents.readFile(t.getValue()), t.getValue().toString());
            }
            List<EventRule> list = new ArrayList<>(all.eventRules());
            RuleState state = allManagementEvents ? RuleState.ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS
                    : RuleState.ENABLED;
            for (int i = 0; i < patterns.size(); i++) {
                list.add(patternRule(i, state));
            }
            return EventRuleSet.of(list);
        } catch (EventRuleException | DocumentException e) {
            throw new UsageError("cwfilter events: " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new UsageError("cwfilter events: " + (e.getCause() instanceof NoSuchFileException nsf
                    ? "cannot read " + nsf.getFile() + ": no such file" : e.getMessage()), e);
        }
    }

    private EventRule patternRule(int i, RuleState state) {
        String given = patterns.get(i);
        String name = patterns.size() == 1 ? "pattern" : "pattern-" + (i + 1);
        String pattern = given;
        if (!given.stripLeading().startsWith("{")) {
            Path file = Path.of(given);
            if (!Files.isRegularFile(file)) {
                throw new UsageError("cwfilter events: --rule " + given + " is neither a JSON event pattern (which"
                        + " starts with '{') nor a file");
            }
            pattern = Documents.readFile(file);
            String stem = file.getFileName().toString().replaceFirst("\\.[^.]*$", "")
                    .replaceAll("[^.\\-_A-Za-z0-9]", "-");
            name = stem.isEmpty() ? name : stem.substring(0, Math.min(64, stem.length()));
        }
        return EventRule.builder(name).eventPattern(pattern).state(state).build();
    }
}
