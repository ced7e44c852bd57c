package dev.cwfilter.events;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Event ids: EventBridge gives each event a new random UUID (version 4). An id derived from what the event is made of
 * has the same layout, so that a replay of the same records gives the same ids, which makes outputs comparable from
 * run to run. Stateless and thread-safe.
 */
final class EventIds {

    /** MessageDigest is not thread-safe and costs a provider lookup to get: one per thread, reused. */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    });

    private EventIds() {
    }

    /** A version-4-layout UUID made from the SHA-256 of the text: the same text, the same id. */
    static String derived(String text) {
        byte[] hash = SHA_256.get().digest(text.getBytes(StandardCharsets.UTF_8));
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x40);
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
        long high = 0;
        long low = 0;
        for (int i = 0; i < 8; i++) {
            high = (high << 8) | (hash[i] & 0xff);
            low = (low << 8) | (hash[8 + i] & 0xff);
        }
        return new UUID(high, low).toString();
    }

    /** A random version-4 UUID, as EventBridge gives. */
    static String random() {
        return UUID.randomUUID().toString();
    }
}
