/**
 * cwfilter against AWS: reading metric filters and alarms from an account, log events from CloudWatch Logs and
 * CloudTrail files from S3, publishing metric data and alarm notifications. The AWS SDK's jars are automatic modules.
 */
module dev.cwfilter.aws {
    requires transitive dev.cwfilter.core;
    requires transitive dev.cwfilter.definitions;
    requires transitive dev.cwfilter.events;
    // The builders and readers take the SDK's service clients.
    requires transitive software.amazon.awssdk.services.cloudwatch;
    requires transitive software.amazon.awssdk.services.cloudwatchlogs;
    requires transitive software.amazon.awssdk.services.s3;
    requires transitive software.amazon.awssdk.services.sns;
    requires software.amazon.awssdk.auth;
    requires software.amazon.awssdk.awscore;
    requires software.amazon.awssdk.core;
    requires software.amazon.awssdk.http;
    requires software.amazon.awssdk.http.apache5;
    requires software.amazon.awssdk.profiles;
    requires software.amazon.awssdk.regions;
    requires software.amazon.awssdk.retries.api;
    requires com.fasterxml.jackson.core;

    exports dev.cwfilter.aws;
}
