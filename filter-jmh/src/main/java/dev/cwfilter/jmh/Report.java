package dev.cwfilter.jmh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.ToDoubleBiFunction;
import java.util.stream.Collectors;

/**
 * Turns a JMH JSON result file ({@code -rf json -rff FILE}) of this suite into the Markdown tables of docs/benchmarks.md: per pattern
 * family and hit rate, cwfilter's events per second and MB/s, each baseline's MB/s and cwfilter's ratio to it, the
 * bytes allocated per event when {@code -prof gc} was on, then each target of the suite with ✓ or ✗.
 *
 * <p>MB/s is events per second times the corpus's mean UTF-8 event size (10<sup>6</sup> bytes to the MB), which the
 * report computes by generating the corpus again from its seed. A ratio compares two methods that read the same
 * events in the same run, so it is the same in events and in bytes; cwfilter over bytes is compared with the
 * baselines over bytes, cwfilter over {@code String} with the baselines over {@code String}. JMH divides
 * {@code gc.alloc.rate.norm} by {@code @OperationsPerInvocation}, so with one event per operation it is already bytes
 * per event (checked: a method that allocates one 1,016-byte array per invocation, declared as ten operations,
 * reports 101.6 B/op).
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.cwfilter.jmh.Report jmh.json}. Stateless and thread-safe.
 */
public final class Report {

    /** The allocation target, bytes per non-matching event. */
    static final double MAX_BYTES_PER_EVENT = 64;
    /** The compile target for a 200-character pattern, microseconds. */
    static final double MAX_COMPILE_MICROS = 100;
    /** What "close to 2x" means for two threads. */
    static final double MIN_TWO_THREAD_SCALING = 1.8;
    /** The Flink job at parallelism 2 over parallelism 1, on two cores (issue 19). */
    static final double MIN_FLINK_SCALING = 1.7;

    private static final String PACKAGE = "dev.cwfilter.jmh.";
    private static final Map<String, Family> FAMILIES = new LinkedHashMap<>();
    private static final Map<String, String> BASELINES = new LinkedHashMap<>();

    static {
        FAMILIES.put("SeedEqualityBenchmark", Family.SEED_EQUALITY);
        FAMILIES.put("TermBenchmark", Family.TERM);
        FAMILIES.put("NumericBenchmark", Family.NUMERIC);
        FAMILIES.put("WildcardBenchmark", Family.WILDCARD);
        FAMILIES.put("CompoundBenchmark", Family.COMPOUND);
        FAMILIES.put("ArraySelectorBenchmark", Family.ARRAY);
        FAMILIES.put("RegexBenchmark", Family.REGEX);
        FAMILIES.put("DelimitedBenchmark", Family.DELIMITED);
        BASELINES.put("baselineFullTokenPass", "full jackson-core token pass");
        BASELINES.put("baselineHandWrittenJackson", "hand-written jackson-core");
        BASELINES.put("baselineHandWrittenJacksonToEnd", "hand-written jackson-core, read to the end");
        BASELINES.put("baselineDatabindTree", "databind readTree");
        BASELINES.put("baselineRawByteScan", "raw byte scan for the literal");
        BASELINES.put("baselineStringContains", "String.contains");
        BASELINES.put("baselineRegexOverText", "java.util.regex over the whole text");
        BASELINES.put("baselineHandWrittenBytes", "hand-written splitter");
        BASELINES.put("baselineHandWrittenString", "hand-written splitter");
    }

    private final List<Result> results;
    private final ToDoubleBiFunction<Family, Double> meanEventBytes;
    private final Map<String, Double> sizes = new HashMap<>();

    Report(List<Result> results, ToDoubleBiFunction<Family, Double> meanEventBytes) {
        this.results = List.copyOf(results);
        this.meanEventBytes = meanEventBytes;
    }

    /** Prints the tables of the JMH JSON result file named by the only argument. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: java -cp benchmarks.jar dev.cwfilter.jmh.Report JMH_RESULT.json");
            System.exit(2);
        }
        JsonNode json = new ObjectMapper().readTree(Files.readAllBytes(Path.of(args[0])));
        System.out.print(new Report(parse(json), Report::generatedMeanBytes).render());
    }

    /** The results of a JMH JSON result file. */
    static List<Result> parse(JsonNode json) {
        if (!json.isArray()) {
            throw new IllegalArgumentException("not a JMH JSON result file: the top level is not an array");
        }
        List<Result> list = new ArrayList<>();
        for (JsonNode r : json) {
            String benchmark = r.path("benchmark").asText();
            int dot = benchmark.lastIndexOf('.');
            String className = benchmark.substring(0, dot).replace(PACKAGE, "");
            Map<String, String> params = new LinkedHashMap<>();
            r.path("params").properties().forEach(e -> params.put(e.getKey(), e.getValue().asText()));
            JsonNode primary = r.path("primaryMetric");
            Double bytesPerOp = null;
            for (Map.Entry<String, JsonNode> m : r.path("secondaryMetrics").properties()) {
                if (m.getKey().replaceFirst("^\\W+", "").equals("gc.alloc.rate.norm")) {
                    bytesPerOp = number(m.getValue().path("score"));
                }
            }
            double scale = toReportUnit(primary.path("scoreUnit").asText());
            list.add(new Result(className, benchmark.substring(dot + 1), params,
                    number(primary.path("score")) * scale, number(primary.path("scoreError")) * scale, bytesPerOp,
                    new RunConfig(r.path("jmhVersion").asText(), r.path("jdkVersion").asText(),
                            r.path("vmName").asText(), r.path("forks").asInt(),
                            r.path("warmupIterations").asInt(), r.path("warmupTime").asText(),
                            r.path("measurementIterations").asInt(), r.path("measurementTime").asText())));
        }
        return list;
    }

    /**
     * The factor from a JMH score unit to the report's: operations per second for throughput, microseconds per
     * operation for average time, whatever {@code -tu} the run was given.
     */
    static double toReportUnit(String unit) {
        String[] parts = unit.split("/");
        if (parts.length != 2) {
            throw new IllegalArgumentException("unknown score unit: " + unit);
        }
        return parts[0].equals("ops") ? 1 / seconds(parts[1]) : seconds(parts[0]) * 1e6;
    }

    private static double seconds(String unit) {
        return switch (unit) {
            case "s" -> 1;
            case "ms" -> 1e-3;
            case "us" -> 1e-6;
            case "ns" -> 1e-9;
            case "min" -> 60;
            default -> throw new IllegalArgumentException("unknown time unit: " + unit);
        };
    }

    private static double number(JsonNode node) {
        return node.isNumber() ? node.doubleValue() : node.isTextual() ? parseOrNaN(node.textValue()) : Double.NaN;
    }

    private static double parseOrNaN(String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** The mean UTF-8 size of the benchmark corpus a family reads at a hit rate, by generating it. */
    static double generatedMeanBytes(Family family, double hitRate) {
        return (family == Family.DELIMITED ? Corpus.accessLog(hitRate) : Corpus.cloudTrail(hitRate)).meanUtf8Bytes();
    }

    /** The Markdown report. */
    String render() {
        StringBuilder out = new StringBuilder();
        header(out);
        throughput(out);
        others(out);
        targets(out);
        return out.toString();
    }

    private void header(StringBuilder out) {
        // Each configuration with the benchmark classes that ran under it; the commonest is named without them.
        Map<String, TreeSet<String>> configs = new TreeMap<>();
        boolean tooShort = false;
        Optional<Result> flinkOne = find("FlinkBenchmark", "flink", null, "value", "1");
        Optional<Result> flinkTwo = find("FlinkBenchmark", "flink", null, "value", "2");
        Optional<Result> singleJvm = find("FlinkBenchmark", "singleJvm", null);
        flinkOne.ifPresent(o -> out.append(String.format(Locale.ROOT,
                "| Flink job on a MiniCluster, parallelism 1, nine CIS-style filters and alarms | %s events/s | the"
                        + " single-JVM replay: %s | %s |\n", rate(o), singleJvm.map(Report::rate).orElse("not run"),
                singleJvm.map(j -> times(o.score() / j.score())).orElse(""))));
        flinkTwo.ifPresent(t -> out.append(String.format(Locale.ROOT,
                "| Flink job on a MiniCluster, parallelism 2 | %s events/s | parallelism 1: %s | %s |\n", rate(t),
                flinkOne.map(Report::rate).orElse("not run"),
                flinkOne.map(o -> times(t.score() / o.score())).orElse(""))));
        for (Result r : results) {
            RunConfig c = r.config();
            configs.computeIfAbsent(String.format(Locale.ROOT, "JMH %s, JDK %s (%s), %d fork%s, warmup %d × %s,"
                            + " measurement %d × %s", c.jmhVersion(), c.jdkVersion(), c.vmName(), c.forks(),
                    c.forks() == 1 ? "" : "s", c.warmupIterations(), c.warmupTime(), c.measurementIterations(),
                    c.measurementTime()), k -> new TreeSet<>()).add(r.className());
            tooShort |= c.warmupIterations() == 0 || c.measurementIterations() < 2;
        }
        String commonest = configs.entrySet().stream()
                .max(Comparator.comparingInt((Map.Entry<String, TreeSet<String>> e) -> e.getValue().size()))
                .map(Map.Entry::getKey).orElse(null);
        List<String> described = new ArrayList<>();
        if (commonest != null) {
            described.add(commonest);
        }
        configs.forEach((config, classes) -> {
            if (!config.equals(commonest)) {
                described.add(String.join(", ", classes) + ": " + config);
            }
        });
        out.append("Run: ").append(described.isEmpty() ? "no results" : String.join("; ", described)).append(".\n");
        if (tooShort) {
            out.append("\n**Some benchmarks ran without warmup or with a single measurement: their figures are a"
                    + " smoke test, not a measurement.**\n");
        }
        Map<String, String> means = new TreeMap<>();
        for (Result r : results) {
            String rate = r.params().get("hitRate");
            if (rate != null && family(r) != null) {
                Family f = family(r) == Family.DELIMITED ? Family.DELIMITED : Family.SEED_EQUALITY;
                means.computeIfAbsent((f == Family.DELIMITED ? "access-log lines" : "CloudTrail events") + " at "
                        + percent(rate), k -> String.format(Locale.ROOT, "%,.0f bytes", meanBytes(f, rate)));
            }
        }
        out.append("\nEvents per second ± JMH's 99.9% error. MB/s = events/s × the corpus's mean event size (")
                .append(means.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                        .collect(Collectors.joining(", ")))
                .append("; 10⁶ bytes per MB). A ratio is cwfilter's throughput over the baseline's, on the same"
                        + " events in the same run (bytes beside bytes, String beside String). B/event: bytes"
                        + " allocated per event, JMH's gc.alloc.rate.norm under `-prof gc`.\n");
    }

    private void throughput(StringBuilder out) {
        out.append("\n");
        for (Map.Entry<String, Family> entry : FAMILIES.entrySet()) {
            if (results.stream().anyMatch(r -> r.className().equals(entry.getKey()))) {
                out.append("- ").append(entry.getValue().label()).append(": `").append(entry.getValue().pattern())
                        .append("`\n");
            }
        }
        out.append("\n| pattern | hits | cwfilter input | events/s | MB/s | B/event | baseline | baseline MB/s"
                + " | cwfilter ÷ baseline |\n|---|---|---|---|---|---|---|---|---|\n");
        for (Map.Entry<String, Family> entry : FAMILIES.entrySet()) {
            Family family = entry.getValue();
            for (String rate : rates()) {
                if (results.stream().noneMatch(r -> r.className().equals(entry.getKey())
                        && rate.equals(r.params().get("hitRate")))) {
                    continue;
                }
                boolean firstOfFamilyRate = true;
                for (String input : new String[] {"Bytes", "String"}) {
                    Optional<Result> cw = find(entry.getKey(), "cwfilter" + input, rate);
                    List<Baseline> baselines = baselines(entry.getKey(), rate, input);
                    if (cw.isEmpty() && baselines.isEmpty()) {
                        continue;
                    }
                    String patternCell = firstOfFamilyRate ? family.label() : "";
                    String rateCell = firstOfFamilyRate ? percent(rate) : "";
                    firstOfFamilyRate = false;
                    double mean = meanBytes(family, rate);
                    String inputCell = input.equals("Bytes") ? "bytes" : "String";
                    String[] cwCells = cw.map(r -> new String[] {rate(r), mbps(r.score(), mean), bytes(r)})
                            .orElse(new String[] {"not run", "", ""});
                    if (baselines.isEmpty()) {
                        out.append(row(patternCell, rateCell, inputCell, cwCells[0], cwCells[1], cwCells[2], "", "",
                                ""));
                        continue;
                    }
                    boolean first = true;
                    for (Baseline b : baselines) {
                        String ratio = cw.map(r -> times(r.score() / b.result().score())).orElse("");
                        if (first) {
                            out.append(row(patternCell, rateCell, inputCell, cwCells[0], cwCells[1], cwCells[2],
                                    b.label(), mbps(b.result().score(), mean), ratio));
                        } else {
                            out.append(row("", "", "", "", "", "", b.label(), mbps(b.result().score(), mean), ratio));
                        }
                        first = false;
                    }
                }
            }
        }
    }

    private void others(StringBuilder out) {
        out.append("\n| benchmark | score | compared with | ratio |\n|---|---|---|---|\n");
        for (String name : new String[] {"compile200CharacterPattern", "compileSeedPattern"}) {
            find("CompileBenchmark", name, null).ifPresent(r -> out.append(String.format(Locale.ROOT,
                    "| compile, %s | %s µs%s | | |\n", name.equals("compileSeedPattern")
                            ? "the seed pattern" : CompileBenchmark.LONG_PATTERN.length() + "-character pattern",
                    decimal(r.score()), error(r.error(), ""))));
        }
        for (String rate : rates()) {
            Optional<Result> one = find("ThreadsBenchmark", "cwfilterBytesOneThread", rate);
            Optional<Result> two = find("ThreadsBenchmark", "cwfilterBytesTwoThreads", rate);
            two.ifPresent(t -> out.append(String.format(Locale.ROOT,
                    "| seed equality, %s hits, 2 threads sharing one pattern | %s events/s | 1 thread: %s | %s |\n",
                    percent(rate), rate(t), one.map(Report::rate).orElse("not run"),
                    one.map(o -> times(t.score() / o.score())).orElse(""))));
        }
        for (Result r : results) {
            if (!r.className().equals("EventRulesBenchmark") || !r.method().equals("eventRuleSet")) {
                continue;
            }
            String n = r.params().get("rules");
            Optional<Result> machine = find("EventRulesBenchmark", "baselineEventRulerMachine", null, "rules", n);
            Optional<Result> seed = find("EventRulesBenchmark", "cwfilterSeedPattern", null, "rules", n);
            out.append(String.format(Locale.ROOT, "| EventBridge, %s rules over CloudTrail (envelope + event-ruler +"
                            + " states) | %s events/s | event-ruler's Machine on prebuilt envelopes: %s | %s |\n", n,
                    rate(r), machine.map(Report::rate).orElse("not run"),
                    machine.map(m -> times(r.score() / m.score())).orElse("")));
            seed.ifPresent(s -> out.append(String.format(Locale.ROOT, "| | | the seed filter pattern on the same"
                    + " records: %s | %s |\n", rate(s), times(r.score() / s.score()))));
        }
        logGroupRows(out);
        Optional<Result> library = find("CliFilterBenchmark", "libraryMatchesBytes", null);
        for (String name : new String[] {"cliFilterPipeline", "cliFilterPipelineOnAFile"}) {
            find("CliFilterBenchmark", name, null).ifPresent(r -> out.append(String.format(Locale.ROOT,
                    "| `cwfilter filter` pipeline%s, seed pattern, 2%% hits | %s events/s | the library: %s | %s |\n",
                    name.endsWith("OnAFile") ? " on a file" : " on a stream", rate(r),
                    library.map(Report::rate).orElse("not run"),
                    library.map(l -> times(r.score() / l.score())).orElse(""))));
        }
        for (String[] pair : new String[][] {{"cloudTrailTree", "jsonLinesFile", "plain"},
            {"cloudTrailTreeOneReader", "jsonLinesFileOneReader", "plain, one reader each"},
            {"cloudTrailTreeGzip", "jsonLinesGzipFile", "gzipped"},
            {"cloudTrailTreeGzipOneReader", "jsonLinesGzipFile", "gzipped, one reader"}}) {
            Optional<Result> lines = find("CliFilterBenchmark", pair[1], null);
            find("CliFilterBenchmark", pair[0], null).ifPresent(r -> out.append(String.format(Locale.ROOT,
                    "| `cwfilter filter` on CloudTrail files in S3's layout (%s), seed pattern, 2%% hits | %s events/s"
                            + " | the same records as JSON lines: %s | %s |\n", pair[2], rate(r),
                    lines.map(Report::rate).orElse("not run"), lines.map(l -> times(r.score() / l.score()))
                            .orElse(""))));
        }
    }

    /** LogGroupBenchmark: the 100-filter set beside its baselines of the same run. */
    private void logGroupRows(StringBuilder out) {
        Optional<Result> set = find("LogGroupBenchmark", "patternSet", null);
        Optional<Result> setStrings = find("LogGroupBenchmark", "patternSetStrings", null);
        if (set.isEmpty()) {
            return;
        }
        String[][] rows = {
            {"oneFilterAlone", "one filter alone (bytes)", "patternSet"},
            {"patternsOneByOne", "the 100 patterns one by one (bytes)", "patternSet"},
            {"eventRuler", "AWS event-ruler, the 100 equivalent rules in one Machine (Strings)", "patternSetStrings"},
        };
        out.append(String.format(Locale.ROOT, "| a log group's 100 CloudTrail filters as one PatternSet, 2%% hits"
                + " (bytes) | %s events/s | | |\n", rate(set.get())));
        setStrings.ifPresent(r -> out.append(String.format(Locale.ROOT, "| the same set over Strings | %s events/s"
                + " | | |\n", rate(r))));
        for (String[] row : rows) {
            Optional<Result> mine = row[2].equals("patternSet") ? set : setStrings;
            find("LogGroupBenchmark", row[0], null).ifPresent(b -> out.append(String.format(Locale.ROOT,
                    "| | | %s: %s | %s |\n", row[1], rate(b), mine.map(m -> times(m.score() / b.score())).orElse(""))));
        }
        find("LogGroupBenchmark", "logGroup", null).ifPresent(g -> out.append(String.format(Locale.ROOT,
                "| the 100 as a LogGroup, values and dimensions from $.fields (LogEvents) | %s events/s | the set over"
                        + " Strings: %s | %s |\n", rate(g), setStrings.map(Report::rate).orElse("not run"),
                setStrings.map(m -> times(g.score() / m.score())).orElse(""))));
    }

    /** LogGroupBenchmark's targets. */
    private void logGroupTargets(StringBuilder out) {
        Optional<Result> set = find("LogGroupBenchmark", "patternSet", null);
        Optional<Result> setStrings = find("LogGroupBenchmark", "patternSetStrings", null);
        set.ifPresent(s -> {
            find("LogGroupBenchmark", "oneFilterAlone", null).ifPresent(b -> ratioRow(out,
                    "100 filters as a PatternSet: at least 0.5× one filter alone", s.score() / b.score(), 0.5));
            find("LogGroupBenchmark", "patternsOneByOne", null).ifPresent(b -> ratioRow(out,
                    "100 filters as a PatternSet: at least 15× the patterns one by one", s.score() / b.score(), 15));
            if (s.bytesPerOp() != null) {
                out.append(String.format(Locale.ROOT, "| 100 filters as a PatternSet: 0 bytes allocated per"
                        + " non-matching event | %s B per event | %s |\n", decimal(s.bytesPerOp()),
                        mark(s.bytesPerOp() < 1)));
            }
        });
        setStrings.ifPresent(s -> {
            find("LogGroupBenchmark", "eventRuler", null).ifPresent(b -> ratioRow(out,
                    "100 filters as a PatternSet: at least 5× AWS event-ruler", s.score() / b.score(), 5));
            find("LogGroupBenchmark", "logGroup", null).ifPresent(g -> ratioRow(out,
                    "the LogGroup with values from $.fields: at least 0.8× the PatternSet", g.score() / s.score(),
                    0.8));
        });
        // Average times are in microseconds here (toReportUnit); the target is in milliseconds.
        find("LogGroupBenchmark", "compile100", null).ifPresent(r -> out.append(String.format(Locale.ROOT,
                "| compile 100 filters and their set in under 20 ms | %s ms | %s |\n", decimal(r.score() / 1e3),
                mark(r.score() / 1e3 < 20))));
    }

    private static void ratioRow(StringBuilder out, String target, double ratio, double min) {
        out.append(String.format(Locale.ROOT, "| %s | %s | %s |\n", target, times(ratio), mark(ratio >= min)));
    }

    private void targets(StringBuilder out) {
        out.append("\n| target | measured | |\n|---|---|---|\n");
        ratioTarget(out, Family.SEED_EQUALITY, "0.02", "baselineHandWrittenJackson", 1.0, "at least");
        ratioTarget(out, Family.SEED_EQUALITY, "0.02", "baselineHandWrittenJackson", 1.4, "aiming for");
        for (Family f : new Family[] {Family.NUMERIC, Family.COMPOUND}) {
            for (String rate : rates()) {
                ratioTarget(out, f, rate, "baselineHandWrittenJackson", 1.0, "at least");
                ratioTarget(out, f, rate, "baselineFullTokenPass", 1.0, "never below");
            }
        }
        for (String rate : rates()) {
            ratioTarget(out, Family.TERM, rate, "baselineRawByteScan", 0.8, "at least");
        }
        for (Map.Entry<String, Family> e : FAMILIES.entrySet()) {
            Optional<Result> r = find(e.getKey(), "cwfilterBytes", "0.02");
            if (r.isPresent() && r.get().bytesPerOp() != null) {
                double b = r.get().bytesPerOp();
                out.append(String.format(Locale.ROOT, "| %s over bytes at 2%% hits: at most %.0f bytes allocated per"
                                + " event (98%% do not match) | %s B | %s |\n", e.getValue().label(),
                        MAX_BYTES_PER_EVENT, decimal(b), mark(b <= MAX_BYTES_PER_EVENT)));
            }
        }
        logGroupTargets(out);
        find("CompileBenchmark", "compile200CharacterPattern", null).ifPresent(r -> out.append(String.format(
                Locale.ROOT, "| compile a %d-character pattern in under %.0f µs | %s µs | %s |\n",
                CompileBenchmark.LONG_PATTERN.length(), MAX_COMPILE_MICROS, decimal(r.score()),
                mark(r.score() < MAX_COMPILE_MICROS))));
        Optional<Result> flinkOne = find("FlinkBenchmark", "flink", null, "value", "1");
        Optional<Result> flinkTwo = find("FlinkBenchmark", "flink", null, "value", "2");
        if (flinkOne.isPresent() && flinkTwo.isPresent()) {
            double scaling = flinkTwo.get().score() / flinkOne.get().score();
            out.append(String.format(Locale.ROOT, "| the Flink job at parallelism 2: at least %.1f× parallelism 1 on"
                    + " two cores | %s | %s |\n", MIN_FLINK_SCALING, times(scaling), mark(scaling >= MIN_FLINK_SCALING)));
        }
        for (String rate : rates()) {
            Optional<Result> one = find("ThreadsBenchmark", "cwfilterBytesOneThread", rate);
            Optional<Result> two = find("ThreadsBenchmark", "cwfilterBytesTwoThreads", rate);
            if (one.isPresent() && two.isPresent()) {
                double scaling = two.get().score() / one.get().score();
                out.append(String.format(Locale.ROOT, "| two threads sharing one pattern, %s hits: close to 2×"
                                + " one thread (at least %.1f×) | %s | %s |\n", percent(rate),
                        MIN_TWO_THREAD_SCALING, times(scaling), mark(scaling >= MIN_TWO_THREAD_SCALING)));
            }
        }
    }

    private void ratioTarget(StringBuilder out, Family family, String rate, String baseline, double min,
            String how) {
        String className = className(family);
        Optional<Result> cw = find(className, "cwfilterBytes", rate);
        Optional<Result> base = find(baseline.equals("baselineFullTokenPass") ? "TokenPassBenchmark" : className,
                baseline, rate);
        String target = String.format(Locale.ROOT, "%s at %s hits: %s %.1f× the %s", family.label(),
                percent(rate), how, min, BASELINES.get(baseline));
        if (cw.isEmpty() || base.isEmpty()) {
            out.append("| ").append(target).append(" | not measured | — |\n");
            return;
        }
        double ratio = cw.get().score() / base.get().score();
        out.append("| ").append(target).append(" | ").append(times(ratio)).append(" | ").append(mark(ratio >= min))
                .append(" |\n");
    }

    private List<Baseline> baselines(String className, String rate, String input) {
        List<Baseline> list = new ArrayList<>();
        if (input.equals("Bytes") && FAMILIES.get(className) != Family.DELIMITED
                && FAMILIES.get(className) != Family.TERM) {
            find("TokenPassBenchmark", "baselineFullTokenPass", rate)
                    .ifPresent(r -> list.add(new Baseline(BASELINES.get("baselineFullTokenPass"), r)));
        }
        for (Result r : results) {
            if (r.className().equals(className) && r.method().startsWith("baseline")
                    && rate.equals(r.params().get("hitRate")) && inputOf(r.method()).equals(input)) {
                list.add(new Baseline(BASELINES.getOrDefault(r.method(), r.method()), r));
            }
        }
        List<String> order = new ArrayList<>(BASELINES.keySet());
        list.sort(Comparator.comparingInt(b -> {
            int i = order.indexOf(b.result().method());
            return i < 0 ? order.size() : i;
        }));
        return list;
    }

    private static String inputOf(String baselineMethod) {
        return baselineMethod.endsWith("String") || baselineMethod.equals("baselineStringContains")
                || baselineMethod.equals("baselineRegexOverText") ? "String" : "Bytes";
    }

    private Optional<Result> find(String className, String method, String rate, String param, String value) {
        return results.stream()
                .filter(r -> r.className().equals(className) && r.method().equals(method)
                        && (rate == null || rate.equals(r.params().get("hitRate")))
                        && value.equals(r.params().get(param)))
                .findFirst();
    }

    private Optional<Result> find(String className, String method, String rate) {
        return results.stream()
                .filter(r -> r.className().equals(className) && r.method().equals(method)
                        && (rate == null || rate.equals(r.params().get("hitRate"))))
                .findFirst();
    }

    private List<String> rates() {
        return results.stream().map(r -> r.params().get("hitRate")).filter(Objects::nonNull).distinct()
                .sorted(Comparator.comparingDouble(Double::parseDouble)).toList();
    }

    private double meanBytes(Family family, String rate) {
        String key = (family == Family.DELIMITED ? "log " : "json ") + rate;
        return sizes.computeIfAbsent(key, k -> meanEventBytes.applyAsDouble(family, Double.parseDouble(rate)));
    }

    private static Family family(Result r) {
        return r.className().equals("TokenPassBenchmark") ? Family.SEED_EQUALITY : FAMILIES.get(r.className());
    }

    private static String className(Family family) {
        return FAMILIES.entrySet().stream().filter(e -> e.getValue() == family).map(Map.Entry::getKey)
                .findFirst().orElseThrow();
    }

    private static String row(String... cells) {
        return "| " + String.join(" | ", cells) + " |\n";
    }

    private static String percent(String rate) {
        return decimal(Double.parseDouble(rate) * 100) + "%";
    }

    private static String rate(Result r) {
        return si(r.score()) + error(r.error(), si(r.error()));
    }

    private static String error(double error, String formatted) {
        return Double.isNaN(error) ? "" : " ± " + (formatted.isEmpty() ? decimal(error) : formatted);
    }

    private static String si(double v) {
        if (Double.isNaN(v)) {
            return "?";
        }
        if (v >= 1e6) {
            return String.format(Locale.ROOT, "%.2f M", v / 1e6);
        }
        if (v >= 1e3) {
            return String.format(Locale.ROOT, "%.0f k", v / 1e3);
        }
        return String.format(Locale.ROOT, "%.0f", v);
    }

    private static String mbps(double eventsPerSecond, double meanBytes) {
        return String.format(Locale.ROOT, "%,.0f", eventsPerSecond * meanBytes / 1e6);
    }

    private static String bytes(Result r) {
        return r.bytesPerOp() == null ? "" : decimal(r.bytesPerOp());
    }

    private static String times(double ratio) {
        return String.format(Locale.ROOT, "%.2f×", ratio);
    }

    private static String decimal(double v) {
        if (Math.abs(v) >= 100 || v == Math.rint(v)) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        return String.format(Locale.ROOT, Math.abs(v) >= 10 ? "%.1f" : "%.2f", v).replaceAll("\\.?0+$", "");
    }

    private static String mark(boolean met) {
        return met ? "✓" : "✗";
    }

    /** How JMH ran a benchmark. */
    record RunConfig(String jmhVersion, String jdkVersion, String vmName, int forks, int warmupIterations,
            String warmupTime, int measurementIterations, String measurementTime) {
    }

    /**
     * One benchmark's result: the primary score (operations per second, or microseconds per operation for
     * {@code CompileBenchmark}) and its error, and the bytes allocated per operation if {@code -prof gc} was on.
     */
    record Result(String className, String method, Map<String, String> params, double score, double error,
            Double bytesPerOp, RunConfig config) {

        Result {
            Objects.requireNonNull(className);
            params = Map.copyOf(params);
        }
    }

    private record Baseline(String label, Result result) {
    }
}
