package io.newsroom.cms.media.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.lang.management.ManagementFactory;
import java.time.Duration;

/**
 * A replica is ready once its start's warm-ups are done ({@link MediaUploads#warmUp}, {@link RenditionMaker#warmUp}):
 * an upload sent to it sooner would wait behind them (renditions are made one picture at a time) and pay for what they
 * were to spare it. One that fails (the database or object store not up yet) counts as done, and readiness stops
 * waiting {@value #MOST_SECONDS} s after the JVM started whatever they do, so a warm-up never keeps a replica out of service.
 */
@Readiness
@ApplicationScoped
public class WarmUpHealth implements HealthCheck {
    static final long MOST_SECONDS = 30;

    @Inject
    MediaUploads uploads;

    @Inject
    RenditionMaker renditions;

    @Override
    public HealthCheckResponse call() {
        boolean done = uploads.warmedUp().isDone() && renditions.warmedUp().isDone();
        boolean waitedEnough = ManagementFactory.getRuntimeMXBean().getUptime() > Duration.ofSeconds(MOST_SECONDS).toMillis();
        return HealthCheckResponse.named("warm-up").status(done || waitedEnough).withData("done", done).build();
    }
}
