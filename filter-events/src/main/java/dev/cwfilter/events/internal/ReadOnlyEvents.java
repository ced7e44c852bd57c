package dev.cwfilter.events.internal;

/**
 * Which events EventBridge keeps from rules in state {@code ENABLED}: read-only management events, those whose
 * {@code eventName} starts with {@code List}, {@code Get} or {@code Describe}, except STS's {@code GetFederationToken}
 * and {@code GetSessionToken} (EventBridge User Guide, "Receiving read-only management events from AWS services";
 * AWS-SHAPES §2.5). Only rules in state {@code ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS} receive them.
 *
 * <p>The test is on the name, as EventBridge documents it, not on the record's {@code readOnly} flag: read-only calls
 * whose names start otherwise ({@code TestEventPattern}) reach plain {@code ENABLED} rules too. Only API calls
 * (detail-type {@code AWS API Call via CloudTrail}) that are management events are concerned: a record says it is a
 * data event with {@code eventCategory: "Data"} or {@code managementEvent: false}.
 *
 * <p>Stateless and thread-safe.
 */
public final class ReadOnlyEvents {

    /** The detail-type of API calls recorded by CloudTrail. */
    public static final String API_CALL = "AWS API Call via CloudTrail";

    private ReadOnlyEvents() {
    }

    /**
     * Whether an event is a read-only management event that rules in state {@code ENABLED} do not receive.
     *
     * @param managementEvent the record's {@code managementEvent}, or null if it has none
     */
    public static boolean isReadOnlyManagementEvent(String detailType, String eventSource, String eventName,
                                                    String eventCategory, Boolean managementEvent) {
        if (!API_CALL.equals(detailType) || eventName == null) {
            return false;
        }
        if ("Data".equals(eventCategory) || Boolean.FALSE.equals(managementEvent)) {
            return false;
        }
        if (!(eventName.startsWith("List") || eventName.startsWith("Get") || eventName.startsWith("Describe"))) {
            return false;
        }
        boolean sts = "sts.amazonaws.com".equals(eventSource);
        return !(sts && (eventName.equals("GetFederationToken") || eventName.equals("GetSessionToken")));
    }
}
