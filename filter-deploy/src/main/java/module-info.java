/** Reading CloudFormation templates (JSON and YAML) into metric filters and alarms. */
module dev.cwfilter.deploy {
    // Documents.readValue reads from a jackson-core JsonParser.
    requires transitive com.fasterxml.jackson.core;
    requires com.fasterxml.jackson.dataformat.yaml;

    exports dev.cwfilter.deploy;
}
