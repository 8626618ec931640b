package io.newsroom.cms.webhooks.domain;

import java.util.UUID;

/**
 * A delivery the worker took to send now, with what sending needs: the endpoint's current address and secret, the
 * message id ({@code webhook-id}, the same on every attempt), the stored body and, for {@code cdn-purge} endpoints, the
 * surrogate keys (space-separated, the {@code Surrogate-Key} header).
 */
public record DueDelivery(long id, UUID endpointId, String url, String secret, String messageId, String eventType,
                          String payload, String surrogateKeys, int attempts) {
}
