/**
 * EventBridge event patterns evaluated with AWS's own matcher (event-ruler). {@code dev.cwfilter.events.internal}
 * stays inside the module.
 */
module dev.cwfilter.events {
    requires transitive dev.cwfilter.deploy;
    requires com.fasterxml.jackson.core;
    requires com.fasterxml.jackson.databind;
    // event-ruler declares no module name: this is the name Java derives from its jar, event-ruler-<version>.jar.
    requires event.ruler;

    exports dev.cwfilter.events;
    exports dev.cwfilter.events.definitions;
}
