package io.newsroom.cms.media.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Says whether object storage answers. Readiness stays up either way: every replica shares the one store, so taking
 * replicas out of service would not help, and the library's descriptions and searches still work; uploads and new
 * renditions answer 503 meanwhile.
 */
@Readiness
@ApplicationScoped
public class ObjectStoreHealth implements HealthCheck {
    @Inject
    ObjectStore store;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("object-storage").up().withData("reachable", store.reachable()).build();
    }
}
