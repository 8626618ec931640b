package io.newsroom.cms.webhooks.client;

import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Whether the Kafka broker the events come from answers (a cluster description within a second and a half). */
@ApplicationScoped
public class KafkaLink {
    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafka;

    private Admin admin;

    private synchronized Admin admin() {
        if (admin == null) {
            Map<String, Object> settings = new HashMap<>();
            settings.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.get("bootstrap.servers"));
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

    synchronized void stop(@Observes ShutdownEvent stop) {
        if (admin != null) {
            admin.close();
        }
    }
}
