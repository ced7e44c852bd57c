package dev.cwfilter.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * The few fields of a CloudTrail record that a person reads first: when, who, what, and the error if the call
 * failed. Immutable.
 *
 * @param eventTime the record's eventTime text
 * @param user      who made the call: an IAM user's name, an assumed role's {@code role/session}, {@code root}
 * @param eventName the API call
 * @param errorCode the error, or empty if the call succeeded
 */
record CloudTrailRecord(String eventTime, String user, String eventName, String errorCode) {

    private static final JsonFactory JSON = new JsonFactory();

    /** Reads the fields of a record's JSON. */
    static CloudTrailRecord of(String json) {
        String eventTime = "";
        String eventName = "";
        String errorCode = "";
        String type = "";
        String userName = null;
        String arn = "";
        String principalId = "";
        try (JsonParser p = JSON.createParser(json)) {
            p.nextToken();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (name.equals("userIdentity") && value == JsonToken.START_OBJECT) {
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String field = p.currentName();
                        JsonToken v = p.nextToken();
                        String text = v == JsonToken.VALUE_STRING ? p.getText() : null;
                        p.skipChildren();
                        if (text == null) {
                            continue;
                        }
                        switch (field) {
                            case "type":
                                type = text;
                                break;
                            case "userName":
                                userName = text;
                                break;
                            case "arn":
                                arn = text;
                                break;
                            case "principalId":
                                principalId = text;
                                break;
                            default:
                                break;
                        }
                    }
                } else if (value == JsonToken.VALUE_STRING && name.equals("eventTime")) {
                    eventTime = p.getText();
                } else if (value == JsonToken.VALUE_STRING && name.equals("eventName")) {
                    eventName = p.getText();
                } else if (value == JsonToken.VALUE_STRING && name.equals("errorCode")) {
                    errorCode = p.getText();
                } else {
                    p.skipChildren();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new CloudTrailRecord(eventTime, user(type, userName, arn, principalId), eventName, errorCode);
    }

    private static String user(String type, String userName, String arn, String principalId) {
        if (type.equals("Root")) {
            return "root";
        }
        if (userName != null) {
            return userName;
        }
        int assumed = arn.indexOf(":assumed-role/");
        if (assumed >= 0) {
            return arn.substring(assumed + ":assumed-role/".length());
        }
        int slash = arn.lastIndexOf('/');
        return slash >= 0 ? arn.substring(slash + 1) : principalId;
    }

    /** The record's {@code requestParameters.secretId}, or an empty string. */
    static String secretId(String json) {
        try (JsonParser p = JSON.createParser(json)) {
            p.nextToken();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (name.equals("requestParameters") && value == JsonToken.START_OBJECT) {
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String field = p.currentName();
                        JsonToken v = p.nextToken();
                        if (field.equals("secretId") && v == JsonToken.VALUE_STRING) {
                            return p.getText();
                        }
                        p.skipChildren();
                    }
                    return "";
                }
                p.skipChildren();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "";
    }

    /** The path ({@code requestParameters.policyDocument}) of the first string value holding {@code text}. */
    static Optional<String> pathOfText(String json, String text) {
        try (JsonParser p = JSON.createParser(json)) {
            p.nextToken();
            return find(p, "", text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<String> find(JsonParser p, String path, String text) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_OBJECT) {
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                Optional<String> found = find(p, path.isEmpty() ? name : path + "." + name, text);
                if (found.isPresent()) {
                    return found;
                }
            }
        } else if (t == JsonToken.START_ARRAY) {
            int i = 0;
            while (p.nextToken() != JsonToken.END_ARRAY) {
                Optional<String> found = find(p, path + "[" + i++ + "]", text);
                if (found.isPresent()) {
                    return found;
                }
            }
        } else if (t == JsonToken.VALUE_STRING && p.getText().contains(text)) {
            return Optional.of(path);
        }
        return Optional.empty();
    }
}
