package dev.cwfilter.testkit;

/**
 * The testkit's check of what the user's test setup provides: JUnit Jupiter 5.10 or later and AssertJ 3.25 or later
 * (the testkit takes both in {@code provided} scope, so that it never brings a second version of either). Run once, when
 * {@link FilterAssertions} or {@link FilterCases} is first used; a missing or too old library fails with a message
 * that names it, the version found and the dependency to add, instead of a {@code NoClassDefFoundError} or
 * {@code NoSuchMethodError} deep in a test run.
 */
final class Requirements {

    static final String JUNIT_MINIMUM = "5.10";
    static final String ASSERTJ_MINIMUM = "3.25";

    private static final String PROBLEM = problem(
            version("org.assertj.core.api.AbstractAssert", "META-INF/maven/org.assertj/assertj-core/pom.properties"),
            version("org.junit.jupiter.params.provider.ArgumentsProvider",
                    "META-INF/maven/org.junit.jupiter/junit-jupiter-params/pom.properties"));

    private Requirements() {
    }

    /** Throws an {@link IllegalStateException} naming what is missing or too old; returns if all is there. */
    static void check() {
        if (PROBLEM != null) {
            throw new IllegalStateException(PROBLEM);
        }
    }

    /**
     * What is wrong with the given versions of AssertJ and JUnit Jupiter params ({@code null}: the library is not on
     * the class path; {@code ""}: present, version unknown, accepted), or {@code null} if nothing is.
     */
    static String problem(String assertj, String junit) {
        StringBuilder sb = new StringBuilder();
        if (assertj == null || tooOld(assertj, ASSERTJ_MINIMUM)) {
            sb.append(describe("AssertJ", "org.assertj:assertj-core", ASSERTJ_MINIMUM, assertj));
        }
        if (junit == null || tooOld(junit, JUNIT_MINIMUM)) {
            sb.append(describe("JUnit Jupiter", "org.junit.jupiter:junit-jupiter (junit-jupiter-params for"
                    + " @FilterCases)", JUNIT_MINIMUM, junit));
        }
        if (sb.length() == 0) {
            return null;
        }
        return "filter-testkit needs your test setup to provide these libraries (it does not bring its own versions,"
                + " so that they never clash with yours):" + sb
                + "\nSee docs/testkit.md, \"Set-up\", for a complete pom.xml.";
    }

    private static String describe(String library, String dependency, String minimum, String found) {
        return "\n  - " + library + " " + minimum + " or later, found "
                + (found == null ? "none on the class path" : found) + ": add " + dependency + " " + minimum
                + " or later in test scope";
    }

    /** Whether {@code version} (such as {@code 5.9.3} or {@code 3.27.7}) is older than {@code minimum}. */
    static boolean tooOld(String version, String minimum) {
        if (version.isEmpty()) {
            return false;
        }
        String[] v = version.split("[.\\-]");
        String[] m = minimum.split("\\.");
        for (int i = 0; i < m.length; i++) {
            int have = i < v.length ? number(v[i]) : 0;
            int need = Integer.parseInt(m[i]);
            if (have != need) {
                return have < need;
            }
        }
        return false;
    }

    private static int number(String part) {
        int end = 0;
        while (end < part.length() && Character.isDigit(part.charAt(end))) {
            end++;
        }
        return end == 0 ? 0 : Integer.parseInt(part.substring(0, end));
    }

    /** The version of the jar holding the class, {@code ""} if it does not say, {@code null} if it is not there. */
    private static String version(String className, String pomProperties) {
        Class<?> c;
        try {
            c = Class.forName(className, false, Requirements.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
        Package p = c.getPackage();
        String v = p == null ? null : p.getImplementationVersion();
        if (v != null) {
            return v;
        }
        ClassLoader loader = c.getClassLoader() != null ? c.getClassLoader() : ClassLoader.getSystemClassLoader();
        try (java.io.InputStream in = loader.getResourceAsStream(pomProperties)) {
            if (in != null) {
                java.util.Properties properties = new java.util.Properties();
                properties.load(in);
                return properties.getProperty("version", "");
            }
        } catch (java.io.IOException e) {
            return "";
        }
        return "";
    }
}
