package io.newsroom.cms.gateway.client;

import io.newsroom.cms.gateway.config.GatewayConfig;
import io.smallrye.faulttolerance.api.TypedGuard;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.util.TypeLiteral;

import java.time.temporal.ChronoUnit;

/**
 * A circuit breaker (SmallRye Fault Tolerance, programmatic: the backend calls are Vert.x, not CDI methods) for one
 * backend route. The timeout is the Vert.x client's own (each request's idle timeout, on the event loop that sent it):
 * SmallRye's timeout schedules every call on its timer thread, which on two busy cores cost ~8 µs of gateway CPU per
 * uncached read and ~27 µs per proxied save (bench/results/2026-11-30-issue16.md); a timed-out request still counts
 * as a failure here. Named {@code gateway-<route>-<service>}, so the breakers can be looked at and reset
 * through {@code CircuitBreakerMaintenance}.
 */
final class BackendGuards {
    private BackendGuards() {
    }

    static <T> TypedGuard<Uni<T>> guard(TypeLiteral<Uni<T>> type, String name, GatewayConfig.Breaker breaker) {
        return TypedGuard.create(type)
                .withDescription(name)
                .withCircuitBreaker().name(name)
                .requestVolumeThreshold(breaker.requestVolumeThreshold())
                .failureRatio(breaker.failureRatio())
                .delay(breaker.delay().toMillis(), ChronoUnit.MILLIS)
                .successThreshold(breaker.successThreshold())
                .done()
                .build();
    }
}
