package io.newsroom.cms.webhooks.domain;

/**
 * Where one delivery (one message to one endpoint) stands. {@code pending}: never tried; {@code retrying}: tried and
 * failed, tried again at {@code next_attempt_at}; {@code delivered}: a 2xx came back; {@code failed}: the retry
 * schedule is used up (a redelivery makes it {@code retrying} again).
 */
public enum DeliveryStatus {
    PENDING("pending"), RETRYING("retrying"), DELIVERED("delivered"), FAILED("failed");

    private final String value;

    DeliveryStatus(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }
}
