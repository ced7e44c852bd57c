/**
 * Test support for filter patterns, metric filters and alarms: AssertJ assertions, JUnit 5 case sources and event
 * generators. {@code dev.cwfilter.testkit.internal} stays inside the module.
 */
module dev.cwfilter.testkit {
    requires transitive dev.cwfilter.core;
    requires transitive dev.cwfilter.definitions;
    requires transitive dev.cwfilter.deploy;
    requires transitive dev.cwfilter.events;
    requires transitive org.assertj.core;
    requires transitive org.junit.jupiter.api;
    requires transitive org.junit.jupiter.params;
    requires transitive dev.cwfilter.propcheck;
    requires com.fasterxml.jackson.core;
    requires com.fasterxml.jackson.databind;

    exports dev.cwfilter.testkit;
    exports dev.cwfilter.testkit.deploy;
    exports dev.cwfilter.testkit.events;

    // JUnit instantiates @FilterCases' provider, a package-private class, by reflection.
    opens dev.cwfilter.testkit to org.junit.platform.commons;
}
