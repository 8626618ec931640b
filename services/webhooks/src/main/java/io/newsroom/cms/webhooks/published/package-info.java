/**
 * Empty on purpose: the webhooks service has no read model for readers. It pushes the system's published events to
 * outside systems ({@code service.DeliveryWorker}); its own data (endpoints, deliveries) is read by admins only,
 * through {@code rest.WebhookResource}.
 */
package io.newsroom.cms.webhooks.published;
