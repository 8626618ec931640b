package io.newsroom.cms.gateway.client;

import io.newsroom.cms.outbox.BrokerProbe;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.Map;

/** Whether the Kafka broker the content events come from answers ({@link BrokerProbe}). */
@ApplicationScoped
public class EventLink {
    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafka;

    private BrokerProbe probe;

    @PostConstruct
    void init() {
        probe = new BrokerProbe(kafka);
    }

    public boolean brokerAnswers() {
        return probe.brokerAnswers();
    }

    void stop(@Observes ShutdownEvent stop) {
        probe.close();
    }
}
