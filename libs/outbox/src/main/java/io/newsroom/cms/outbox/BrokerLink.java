package io.newsroom.cms.outbox;

import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Map;

/**
 * Whether the application's Kafka broker answers ({@link BrokerProbe}): one probe per application, closed with it. For
 * the consumers that fall back to time-based freshness, or say so in readiness, while their events do not flow (the
 * gateway's content events, curation's article events, the webhooks' intake).
 */
@ApplicationScoped
public class BrokerLink {
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

    @PreDestroy
    void close() {
        probe.close();
    }
}
