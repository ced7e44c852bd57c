package dev.cwfilter.conformance;

import static dev.cwfilter.testoutput.OutputOnFailureListener.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestTag;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Counts the conformance cases of a test run and ends the run with one line,
 * {@code conformance: N passed, M failed}, after each failed and skipped case and its reason, written to the console
 * even though the build sends test output to files. A conformance case is a
 * dynamic test under a {@code @TestFactory} tagged {@value #TAG}; registered through
 * {@code META-INF/services/org.junit.platform.launcher.TestExecutionListener}.
 */
public final class ConformanceSummaryListener implements TestExecutionListener {

    /** The tag of the test factories whose dynamic tests are conformance cases. */
    public static final String TAG = "conformance";

    private TestPlan plan;
    private int passed;
    private int failed;
    private final Map<String, int[]> perFile = new TreeMap<>();
    private final List<String> skipped = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        plan = testPlan;
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        if (!id.isTest() || !isConformance(id)) {
            return;
        }
        String file = fileOf(id);
        int[] counts = perFile.computeIfAbsent(file, f -> new int[3]);
        switch (result.getStatus()) {
            case SUCCESSFUL -> {
                passed++;
                counts[0]++;
            }
            case FAILED -> {
                failed++;
                counts[1]++;
                failures.add(file + " " + id.getDisplayName());
            }
            case ABORTED -> {
                counts[2]++;
                skipped.add(file + " " + id.getDisplayName() + ": "
                        + result.getThrowable().map(Throwable::getMessage).orElse("no reason given"));
            }
        }
    }

    @Override
    public void executionSkipped(TestIdentifier id, String reason) {
        if (id.isTest() && isConformance(id)) {
            skipped.add(fileOf(id) + " " + id.getDisplayName() + ": " + reason);
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        if (passed + failed + skipped.size() == 0) {
            return;
        }
        StringBuilder sb = new StringBuilder();
        perFile.forEach((file, c) -> sb.append(sb.length() == 0 ? "" : ", ").append(file).append(' ')
                .append(c[0]).append('/').append(c[0] + c[1] + c[2]));
        // Straight to the console: the build sends test output to files (docs/testing.md, "What the build prints").
        console("");
        for (String failure : failures) {
            console("conformance FAILED: " + failure);
        }
        for (String skip : skipped) {
            console("conformance skipped: " + skip);
        }
        console("conformance by file: " + sb + (skipped.isEmpty() ? "" : "; " + skipped.size()
                + " skipped, listed above"));
        console("conformance: " + passed + " passed, " + failed + " failed");
        passed = 0;
        failed = 0;
        perFile.clear();
        skipped.clear();
        failures.clear();
    }

    private boolean isConformance(TestIdentifier id) {
        for (Optional<TestIdentifier> cur = Optional.of(id); cur.isPresent(); cur = plan.getParent(cur.get())) {
            if (cur.get().getTags().contains(TestTag.create(TAG))) {
                return true;
            }
        }
        return false;
    }

    /** The name of the dynamic container just below the factory: the conformance file. */
    private String fileOf(TestIdentifier id) {
        TestIdentifier cur = id;
        String file = "?";
        while (cur != null && !cur.getTags().contains(TestTag.create(TAG))) {
            file = cur.getDisplayName();
            cur = plan.getParent(cur).orElse(null);
        }
        return file.endsWith(".jsonl") ? file : "?";
    }
}
