package dev.cwfilter.cli;

import dev.cwfilter.FilterOptions;
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
                    + "of aws logs filter-log-events; gzipped or not; files or standard input. Events that are not "
                    + "CloudTrail records (nor EventBridge events), and matches a rule's state keeps out, are "
                    + "reported on standard error at the end.",
            ""},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success, whether or not any rule matched",
            "1:an input could not be opened or read (it is named; the other inputs were still read)",
            "2:an invalid rule (the message names the rule and the offending part of it), rules file or option"},
        footerHeading = "%nExamples:%n",
        footer = {
            "  cwfilter events --rule '{\"source\":[\"aws.secretsmanager\"],\"detail\":{\"eventName\":"
                    + "[\"DeleteSecret\",\"RotateSecret\"]}}' cloudtrail/*.json.gz",
            "  aws events list-rules > rules.json",
            "  aws events list-targets-by-rule --rule secret-changes > secret-changes.json",
            "  cwfilter events --rules rules.json --targets secret-changes=secret-changes.json trail.json",
            "  cwfilter events --rules template.yaml --parameter Environment=prod --output json trail.json",
            "  terraform show -json plan.out > plan.json && cwfilter events --rules plan.json trail.json"})
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

    @Mixin
    private InputOptions inputs;

    /** Converts {@code --output} names. */
    static final class OutputConverter implements picocli.CommandLine.ITypeConverter<EventsPipeline.Output> {
        @Override
        public EventsPipeline.Output convert(String value) {
            switch (value) {
                case "text":
                    return EventsPipeline.Output.TEXT;
                case "json":
                    return EventsPipeline.Output.JSON;
                default:
                    throw new IllegalArgumentException("expected text or json, not '" + value + "'");
            }
        }
    }

    @Override
    public Integer call() throws IOException {
        EventRuleSet rules = rules();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CliEnvironment env = parent.environment();
        List<Input> in = inputs.inputs(env.stdin());
        // EventBridge's own limit decides which events are delivered; the readers only guard memory.
        EventSource source = new EventSource(in, inputs.format(), FilterOptions.CLOUDWATCH_MAX_EVENT_BYTES,
                env.progress(err, EventSource.totalSize(in)));
        CloudTrailEnvelope.Builder envelope = CloudTrailEnvelope.builder();
        if (randomIds) {
            envelope.randomIds();
        }
        EventsPipeline pipeline = new EventsPipeline(rules, envelope.build(), output, out);
        source.forEach(pipeline);
        pipeline.finish();
        for (String line : pipeline.report()) {
            err.println(line);
        }
        return Reports.print(err, source, FilterOptions.CLOUDWATCH_MAX_EVENT_BYTES, "");
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
