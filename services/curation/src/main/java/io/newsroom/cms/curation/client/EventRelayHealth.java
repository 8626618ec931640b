package io.newsroom.cms.curation.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Readiness names the list event relay's state and how many events wait in the lists' documents, but stays up when Kafka is away. */
@Readiness
@ApplicationScoped
public class EventRelayHealth implements HealthCheck {
    @Inject
    EventRelay relay;

    @Override
    public HealthCheckResponse call() {
        return relay.health();
    }
}
