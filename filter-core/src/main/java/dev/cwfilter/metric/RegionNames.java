package dev.cwfilter.metric;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The long region names CloudWatch writes in alarm notifications: the {@code Region} field of the SNS message, its
 * subject ({@code ALARM: "name" in EU (Ireland)}) and the e-mail text. CloudWatch keeps its legacy names
 * ({@code EU (Ireland)}, not the console's {@code Europe (Ireland)}).
 *
 * <p>The names of us-east-1, us-east-2, us-west-1, us-west-2, ca-central-1, sa-east-1, eu-west-1, eu-west-2,
 * eu-west-3, eu-central-1, eu-south-1, eu-north-1, ap-northeast-1, ap-northeast-2, ap-southeast-1, ap-southeast-2 and
 * ap-south-1 are taken from captured notifications (AWS-SHAPES.md section 1.2); the others follow the same style and
 * are unverified, which is why the users of this table let a caller override it.
 *
 * <p>Immutable and thread-safe.
 */
public final class RegionNames {

    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("us-east-1", "US East (N. Virginia)"),
            Map.entry("us-east-2", "US East (Ohio)"),
            Map.entry("us-west-1", "US West (N. California)"),
            Map.entry("us-west-2", "US West (Oregon)"),
            Map.entry("ca-central-1", "Canada (Central)"),
            Map.entry("ca-west-1", "Canada West (Calgary)"),
            Map.entry("sa-east-1", "South America (Sao Paulo)"),
            Map.entry("eu-west-1", "EU (Ireland)"),
            Map.entry("eu-west-2", "EU (London)"),
            Map.entry("eu-west-3", "EU (Paris)"),
            Map.entry("eu-central-1", "EU (Frankfurt)"),
            Map.entry("eu-central-2", "EU (Zurich)"),
            Map.entry("eu-south-1", "EU (Milan)"),
            Map.entry("eu-south-2", "EU (Spain)"),
            Map.entry("eu-north-1", "EU (Stockholm)"),
            Map.entry("af-south-1", "Africa (Cape Town)"),
            Map.entry("ap-east-1", "Asia Pacific (Hong Kong)"),
            Map.entry("ap-south-1", "Asia Pacific (Mumbai)"),
            Map.entry("ap-south-2", "Asia Pacific (Hyderabad)"),
            Map.entry("ap-northeast-1", "Asia Pacific (Tokyo)"),
            Map.entry("ap-northeast-2", "Asia Pacific (Seoul)"),
            Map.entry("ap-northeast-3", "Asia Pacific (Osaka)"),
            Map.entry("ap-southeast-1", "Asia Pacific (Singapore)"),
            Map.entry("ap-southeast-2", "Asia Pacific (Sydney)"),
            Map.entry("ap-southeast-3", "Asia Pacific (Jakarta)"),
            Map.entry("ap-southeast-4", "Asia Pacific (Melbourne)"),
            Map.entry("il-central-1", "Israel (Tel Aviv)"),
            Map.entry("me-south-1", "Middle East (Bahrain)"),
            Map.entry("me-central-1", "Middle East (UAE)"));

    private RegionNames() {
    }

    /** The long name of a region code, such as {@code EU (Ireland)} for {@code eu-west-1}, if the table has it. */
    public static Optional<String> longName(String regionCode) {
        return Optional.ofNullable(NAMES.get(Objects.requireNonNull(regionCode, "regionCode")));
    }

    /** The long name of a region code, or the code itself when the table does not have it. */
    public static String longNameOrCode(String regionCode) {
        return longName(regionCode).orElse(regionCode);
    }

    /** Every region code the table names, with its long name. */
    public static Map<String, String> all() {
        return NAMES;
    }
}
