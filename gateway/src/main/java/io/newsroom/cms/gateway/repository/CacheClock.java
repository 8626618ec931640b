package io.newsroom.cms.gateway.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;

/** The cache's clock: the system's in production; tests replace it with one they set. */
@ApplicationScoped
public class CacheClock {
    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
