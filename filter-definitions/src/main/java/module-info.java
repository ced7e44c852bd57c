/** Metric filter and alarm definitions in the shapes of the AWS CLI and CloudFormation. */
module dev.cwfilter.definitions {
    requires transitive dev.cwfilter.core;
    requires transitive dev.cwfilter.deploy;
    requires com.fasterxml.jackson.core;

    exports dev.cwfilter.definitions;
}
