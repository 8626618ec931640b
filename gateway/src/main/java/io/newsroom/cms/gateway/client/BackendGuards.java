package io.newsroom.cms.gateway.client;

import io.newsroom.cms.gateway.config.GatewayConfig;
import io.smallrye.faulttolerance.api.TypedGuard;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.util.TypeLiteral;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

/**
 * A timeout and a circuit breaker (SmallRye Fault Tolerance, programmatic: the backend calls are Vert.x, not CDI
 * methods) for one backend route. Named {@code gateway-<route>-<service>}, so the breakers can be looked at and reset
 * through {@code CircuitBreakerMaintenance}.
 */
final class BackendGuards {
    private BackendGuards() {
    }

    static <T> TypedGuard<Uni<T>> guard(TypeLiteral<Uni<T>> type, String name, Duration timeout, GatewayConfig.Breaker breaker) {
        return TypedGuard.create(type)
                .withDescription(name)
                .withTimeout().duration(timeout.toMillis(), ChronoUnit.MILLIS).done()
                .withCircuitBreaker().name(name)
                .requestVolumeThreshold(breaker.requestVolumeThreshold())
                .failureRatio(breaker.failureRatio())
                .delay(breaker.delay().toMillis(), ChronoUnit.MILLIS)
                .successThreshold(breaker.successThreshold())
                .done()
                .build();
    }
}
