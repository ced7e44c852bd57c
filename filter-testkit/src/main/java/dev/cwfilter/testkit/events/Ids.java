package dev.cwfilter.testkit.events;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Identifiers derived from an event's content, so that a sample event is the same every time it is built (test
 * output and golden files stay stable) yet two different events get different ids. Stateless and thread-safe.
 */
final class Ids {

    private static final char[] KEY_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

    private Ids() {
    }

    /** A UUID, as CloudTrail's eventID and requestID are. */
    static String uuid(String seed) {
        return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** An IAM-style identifier: a prefix ({@code AKIA}, {@code AIDA}, {@code ASIA}) and upper-case characters. */
    static String iam(String prefix, String seed, int length) {
        String hex = uuid(seed).replace("-", "") + uuid(seed + "+").replace("-", "");
        StringBuilder sb = new StringBuilder(prefix);
        for (int i = 0; sb.length() < length; i++) {
            sb.append(KEY_CHARS[Character.digit(hex.charAt(i % hex.length()), 16) * 2 % 32]);
        }
        return sb.toString();
    }

    /** Lower-case letters and digits, as the suffix of a Secrets Manager ARN ({@code -Xy12Ab}) is. */
    static String suffix(String seed, int length) {
        StringBuilder hexes = new StringBuilder();
        for (int i = 0; hexes.length() < length * 2; i++) {
            hexes.append(uuid(seed + "#" + i).replace("-", ""));
        }
        String hex = hexes.toString();
        String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int v = Integer.parseInt(hex.substring(i * 2, i * 2 + 2), 16);
            sb.append(alphabet.charAt(v % alphabet.length()));
        }
        return sb.toString();
    }
}
