package io.newsroom.cms.outbox;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Whether the Kafka broker answers: a cluster description within 1.5 s, through one admin client made on first use.
 * For readiness data and for consumers that fall back to time-based freshness while the events do not flow.
 */
public final class BrokerProbe implements AutoCloseable {
    private final Object bootstrapServers;
    private Admin admin;

    /** {@code kafkaSettings}: the default broker's client settings (the bean {@code @Identifier("default-kafka-broker")}). */
    public BrokerProbe(Map<String, Object> kafkaSettings) {
        this.bootstrapServers = kafkaSettings.get("bootstrap.servers");
    }

    private synchronized Admin admin() {
        if (admin == null) {
            Map<String, Object> settings = new HashMap<>();
            settings.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 1500);
            settings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 1000);
            settings.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000);
            admin = Admin.create(settings);
        }
        return admin;
    }

    public boolean brokerAnswers() {
        try {
            return !admin().describeCluster().nodes().get(1500, TimeUnit.MILLISECONDS).isEmpty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            return false;
        }
    }

    @Override
    public synchronized void close() {
        if (admin != null) {
            admin.close();
            admin = null;
        }
    }
}
