package dev.cwfilter.aws;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps what a notifier reports. */
final class RecordingListener implements DeliveryListener {

    record Delivered(AlarmNotification notification, String messageId) {
    }

    record Failed(AlarmNotification notification, DeliveryFailure failure) {
    }

    final List<Delivered> delivered = new CopyOnWriteArrayList<>();
    final List<Failed> failed = new CopyOnWriteArrayList<>();

    @Override
    public void delivered(AlarmNotification notification, String messageId) {
        delivered.add(new Delivered(notification, messageId));
    }

    @Override
    public void failed(AlarmNotification notification, DeliveryFailure failure) {
        failed.add(new Failed(notification, failure));
    }
}
