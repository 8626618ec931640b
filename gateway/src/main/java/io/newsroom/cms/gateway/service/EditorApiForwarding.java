package io.newsroom.cms.gateway.service;

import io.newsroom.cms.common.problem.Failures;
import io.newsroom.cms.common.problem.ProblemType;
import io.newsroom.cms.gateway.client.EditorBackends;
import io.smallrye.mutiny.Uni;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.streams.ReadStream;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.jboss.logging.Logger;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

/**
 * Forwards one editor call to the service that owns it; a call that gets no answer becomes a problem the editor can act
 * on: 503 (service away, or its breaker open: try again shortly), 504 (no answer in time), 502 (anything else).
 */
@ApplicationScoped
public class EditorApiForwarding {
    private static final Logger LOG = Logger.getLogger(EditorApiForwarding.class);

    /** Why a call got no answer: the problem to send, and whether to say when to try again. */
    public record Refusal(ProblemType type, String detail, boolean retryLater) {
    }

    @Inject
    EditorBackends backends;

    public boolean serves(String service) {
        return backends.serves(service);
    }

    public Uni<HttpClientResponse> forward(String service, HttpMethod method, String uri, MultiMap headers, Buffer body,
                                           ReadStream<Buffer> stream) {
        return backends.send(service, method, uri, headers, body, stream);
    }

    /** Opens a live stream (server-sent events) to the service: held open past the request timeout, see {@link EditorBackends#openStream}. */
    public Uni<HttpClientResponse> stream(String service, String uri, MultiMap headers) {
        return backends.openStream(service, uri, headers);
    }

    public Refusal refusal(String service, Throwable failure) {
        String name = service.equals("lists") ? "curation" : service.equals("sections") || service.equals("tags") || service.equals("notifications") ? "articles" : service;
        if (failure instanceof CircuitBreakerOpenException) {
            return new Refusal(ProblemType.SERVICE_UNAVAILABLE, "The " + name + " service is failing; try again shortly", true);
        }
        boolean connecting = failure instanceof ConnectException || failure.getCause() instanceof ConnectException;
        if (!connecting && (failure instanceof TimeoutException || failure.getClass().getSimpleName().contains("Timeout"))) {
            return new Refusal(ProblemType.GATEWAY_TIMEOUT, "The " + name + " service did not answer in time", false);
        }
        if (Failures.classify(failure) != null) {
            // refused, reset or closed mid-answer (a restart, a crash): the service is away, and a write may not have
            // happened; every change carries If-Match, so trying again is safe
            LOG.debugf("Forwarding to %s failed: %s", name, failure.toString());
            return new Refusal(ProblemType.SERVICE_UNAVAILABLE, "The " + name + " service is unavailable; try again shortly", true);
        }
        LOG.warnf("Forwarding to %s failed: %s", name, failure.toString());
        return new Refusal(ProblemType.BAD_GATEWAY, "The " + name + " service failed to answer", false);
    }
}
