package dev.cwfilter.events;

import java.util.Map;
import java.util.Objects;

/**
 * A rule's target: its {@code Id}, its {@code Arn} (an SNS topic, an SQS queue, a Lambda function, ...) and what it
 * receives. The ARN is kept as written; a definition read offline whose ARN cannot be resolved (a CloudFormation
 * {@code !Ref}) keeps a description of it instead ({@code Ref SecurityAlerts}), since what the target receives does
 * not depend on it.
 *
 * <p>Immutable and thread-safe. Checked when its rule is built ({@link EventRule.Builder#build()}).
 *
 * @param id    the target's id in its rule (1 to 64 of {@code . - _ A-Z a-z 0-9})
 * @param arn   the target's ARN
 * @param input what it receives
 */
public record Target(String id, String arn, TargetInput input) {

    /** Checks for null. */
    public Target {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(input, "input");
    }

    /** A target that receives the whole event. */
    public static Target of(String id, String arn) {
        return new Target(id, arn, new TargetInput.WholeEvent());
    }

    /** The same target receiving this constant JSON ({@code Input}). */
    public Target withInput(String json) {
        return new Target(id, arn, new TargetInput.Constant(json));
    }

    /** The same target receiving what this path selects ({@code InputPath}). */
    public Target withInputPath(String path) {
        return new Target(id, arn, new TargetInput.Path(path));
    }

    /** The same target receiving this template, filled ({@code InputTransformer}). */
    public Target withInputTransformer(Map<String, String> inputPathsMap, String inputTemplate) {
        return new Target(id, arn, new TargetInput.Transformer(inputPathsMap, inputTemplate));
    }

    /** The service of the ARN ({@code sns}, {@code sqs}, {@code lambda}), or empty if it is not an ARN. */
    public String service() {
        String[] parts = arn.split(":", 4);
        return parts.length >= 3 && parts[0].equals("arn") ? parts[2] : "";
    }
}
