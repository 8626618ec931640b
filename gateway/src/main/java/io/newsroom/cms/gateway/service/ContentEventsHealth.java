package io.newsroom.cms.gateway.service;

import io.newsroom.cms.gateway.repository.ResponseCache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness says whether the content events reach this replica; it stays up without them (answers are then kept
 * fresh by time only, as before the events), so a Kafka outage never takes the public API out of rotation.
 */
@Readiness
@ApplicationScoped
public class ContentEventsHealth implements HealthCheck {
    @Inject
    ResponseCache cache;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("content-events").up()
                .withData("freshness", cache.eventsAreLive() ? "events" : "degraded: time-based (no content events)").build();
    }
}
