package io.newsroom.cms.articles.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness names the event relay's state but stays up when Kafka is away: editorial writes go on and their events
 * wait in the outbox, so taking the service out of rotation would only make things worse.
 */
@Readiness
@ApplicationScoped
public class EventRelayHealth implements HealthCheck {
    @Inject
    EventRelay relay;

    @Inject
    EntityManager em;

    @Override
    @Transactional
    public HealthCheckResponse call() {
        long waiting = ((Number) em.createNativeQuery("select count(*) from outbox_event").getSingleResult()).longValue();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("events").up().withData("waiting", waiting)
                .withData("relay", relay.lastFailure() == null ? "ok" : "degraded: " + relay.lastFailure());
        if (relay.lastRelayed() != null) {
            response.withData("lastRelayed", relay.lastRelayed().toString());
        }
        return response.build();
    }
}
