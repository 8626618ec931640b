package io.newsroom.cms.webhooks.service;

/**
 * Fired in a transaction that made deliveries due (a ping, a redelivery, a re-enabled endpoint); the worker looks for
 * them once it has committed ({@link DeliveryWorker}).
 */
public record DeliveriesAdded() {
}
