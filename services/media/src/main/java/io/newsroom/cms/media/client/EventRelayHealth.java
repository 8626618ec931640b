package io.newsroom.cms.media.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Readiness names the picture event relay's state and how many events wait, but stays up when Kafka is away. */
@Readiness
@ApplicationScoped
public class EventRelayHealth implements HealthCheck {
    @Inject
    EventRelay relay;

    @Override
    @Transactional
    public HealthCheckResponse call() {
        return relay.health();
    }
}
