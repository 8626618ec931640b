package io.newsroom.cms.webhooks.service;

import io.newsroom.cms.webhooks.api.WebhookRecords.CreatedEndpoint;
import io.newsroom.cms.webhooks.api.WebhookRecords.DeliveryView;
import io.newsroom.cms.webhooks.api.WebhookRecords.EndpointView;
import io.newsroom.cms.webhooks.api.WebhookRecords.Stats;
import io.newsroom.cms.webhooks.domain.Delivery;
import io.newsroom.cms.webhooks.domain.Endpoint;
import io.newsroom.cms.webhooks.domain.EndpointHealth;

import java.util.List;

/** Domain → API. */
public final class EndpointMapper {
    private EndpointMapper() {
    }

    public static EndpointView view(Endpoint e, EndpointHealth health) {
        return new EndpointView(e.id, e.url, e.description, List.of(e.events), e.kind, e.enabled, e.disabledAt,
                e.disabledReason, e.createdAt, e.createdBy, e.updatedAt, e.version, stats(health));
    }

    public static CreatedEndpoint created(Endpoint e, EndpointHealth health, String secret) {
        return new CreatedEndpoint(e.id, e.url, e.description, List.of(e.events), e.kind, e.enabled, e.disabledAt,
                e.disabledReason, e.createdAt, e.createdBy, e.updatedAt, e.version, stats(health), secret);
    }

    public static DeliveryView view(Delivery d) {
        return new DeliveryView(Long.toString(d.id()), d.messageId(), d.eventType(), d.status(), d.attempts(), d.lastStatusCode(),
                d.lastDurationMs(), d.lastError(), d.nextAttemptAt(), d.createdAt(), d.deliveredAt());
    }

    private static Stats stats(EndpointHealth h) {
        EndpointHealth health = h == null ? EndpointHealth.NONE : h;
        return new Stats(health.delivered(), health.failed(), health.pending(), health.lastAttemptAt(), health.lastStatusCode());
    }
}
