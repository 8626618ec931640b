package io.newsroom.cms.webhooks.service;

import io.newsroom.cms.webhooks.repository.Deliveries;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready while the database answers. Says whether the Kafka consumer has its partitions and how many deliveries are due,
 * but stays up without Kafka: the admin API works, deliveries stored go out, and the events wait in Kafka.
 */
@Readiness
@ApplicationScoped
public class WebhooksHealth implements HealthCheck {
    @Inject
    Deliveries deliveries;

    @Inject
    @Identifier("webhook-events")
    EventIntake intake;

    @Inject
    DeliveryWorker worker;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder builder = HealthCheckResponse.named("webhooks")
                .withData("consumer", intake.connected() ? "connected" : "not connected (events wait in Kafka)")
                .withData("partitions", intake.partitions())
                .withData("inFlight", worker.inFlight());
        try {
            return builder.withData("due", deliveries.due()).up().build();
        } catch (RuntimeException e) {
            return builder.withData("database", "not answering").down().build();
        }
    }
}
