package io.newsroom.cms.gateway;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;

import java.time.Duration;

/**
 * What every gateway test against stubbed services shares: the WireMock backends (from {@link BackendStubs}) and the
 * cache's clock, reset before each test so no stub, open breaker or cached answer of an earlier test is left.
 */
abstract class StubbedBackendsTest {
    @BackendStubs.Backends
    WireMockServer backends;

    @Inject
    SettableClock clock;

    @BeforeEach
    void resetBackendsBreakersAndCache() {
        backends.resetAll();
        CircuitBreakerMaintenance.get().resetAll();
        clock.advance(Duration.ofHours(1)); // nothing cached by an earlier test is fresh or stale any more
    }
}
