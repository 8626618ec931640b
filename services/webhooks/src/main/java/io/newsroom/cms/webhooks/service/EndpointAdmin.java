package io.newsroom.cms.webhooks.service;

import io.newsroom.cms.common.problem.Problem;
import io.newsroom.cms.common.problem.ProblemException;
import io.newsroom.cms.common.problem.ProblemType;
import io.newsroom.cms.common.problem.Versions;
import io.newsroom.cms.webhooks.api.WebhookRecords.Accepted;
import io.newsroom.cms.webhooks.api.WebhookRecords.EndpointCreate;
import io.newsroom.cms.webhooks.api.WebhookRecords.EndpointUpdate;
import io.newsroom.cms.webhooks.client.TargetGuard;
import io.newsroom.cms.webhooks.domain.Delivery;
import io.newsroom.cms.webhooks.domain.Endpoint;
import io.newsroom.cms.webhooks.domain.EndpointHealth;
import io.newsroom.cms.webhooks.domain.EndpointKind;
import io.newsroom.cms.webhooks.domain.EventType;
import io.newsroom.cms.webhooks.domain.OutgoingMessage;
import io.newsroom.cms.webhooks.domain.WebhookSignature;
import io.newsroom.cms.webhooks.repository.Deliveries;
import io.newsroom.cms.webhooks.repository.Endpoints;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The admin API's use cases on endpoints and their deliveries. Every write is one transaction. */
@ApplicationScoped
@Transactional
public class EndpointAdmin {
    public static final int MAX_URL = 2048;

    @Inject
    Endpoints endpoints;

    @Inject
    Deliveries deliveries;

    @Inject
    TargetGuard guard;

    @Inject
    Event<DeliveriesAdded> added;

    /** A new endpoint and its secret (shown this once). */
    public record Registered(Endpoint endpoint, String secret) {
    }

    public Registered create(EndpointCreate request, String user) {
        Target target = validate(request.url(), request.events(), request.kind());
        Endpoint endpoint = new Endpoint();
        endpoint.id = UUID.randomUUID();
        endpoint.url = target.url();
        endpoint.description = blankToNull(request.description());
        endpoint.events = target.events();
        endpoint.kind = target.kind().value();
        endpoint.secret = WebhookSignature.newSecret();
        endpoint.enabled = true;
        endpoint.createdAt = now();
        endpoint.updatedAt = endpoint.createdAt;
        endpoint.createdBy = user;
        endpoints.persistAndFlush(endpoint);
        deliveries.createHealth(endpoint.id);
        return new Registered(endpoint, endpoint.secret);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Endpoint> list() {
        return endpoints.all();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Endpoint get(UUID id) {
        Endpoint endpoint = endpoints.findById(id);
        if (endpoint == null) {
            throw ProblemException.notFound("Webhook endpoint " + id);
        }
        return endpoint;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<UUID, EndpointHealth> health(List<UUID> ids) {
        return deliveries.health(ids);
    }

    public Endpoint update(UUID id, long expectedVersion, EndpointUpdate request, String user) {
        Target target = validate(request.url(), request.events(), request.kind());
        Endpoint endpoint = get(id);
        Versions.requireCurrent(expectedVersion, endpoint.version);
        endpoint.url = target.url();
        endpoint.description = blankToNull(request.description());
        endpoint.events = target.events();
        endpoint.kind = target.kind().value();
        Instant now = now();
        if (Boolean.TRUE.equals(request.enabled()) && !endpoint.enabled) {
            endpoint.enabled = true;
            endpoint.disabledAt = null;
            endpoint.disabledReason = null;
            deliveries.resetStreak(id);
            added.fire(new DeliveriesAdded()); // what waited goes out again
        } else if (Boolean.FALSE.equals(request.enabled()) && endpoint.enabled) {
            endpoint.enabled = false;
            endpoint.disabledAt = now;
            endpoint.disabledReason = "Disabled by " + user;
        }
        endpoint.updatedAt = now;
        return flush(endpoint);
    }

    public void delete(UUID id, long expectedVersion) {
        Endpoint endpoint = get(id);
        Versions.requireCurrent(expectedVersion, endpoint.version);
        deliveries.deleteAllOf(id); // its deliveries and health first: the order the worker locks them in
        endpoints.delete(endpoint);
        try {
            endpoints.flush();
        } catch (OptimisticLockException e) {
            throw Versions.stale(endpoint.version + 1);
        }
    }

    /** A new secret; the old one signs nothing from now on. */
    public Registered rotateSecret(UUID id) {
        Endpoint endpoint = get(id);
        endpoint.secret = WebhookSignature.newSecret();
        endpoint.updatedAt = now();
        flush(endpoint);
        return new Registered(endpoint, endpoint.secret);
    }

    public record DeliveriesOf(List<Delivery> items, Long next) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public DeliveriesOf deliveries(UUID id, Long before, int limit) {
        get(id);
        List<Delivery> page = deliveries.list(id, before, limit + 1);
        boolean more = page.size() > limit;
        List<Delivery> items = more ? page.subList(0, limit) : page;
        return new DeliveriesOf(items, more ? items.get(items.size() - 1).id() : null);
    }

    /** One more attempt of a delivery now, with its message id. */
    public Accepted redeliver(UUID id, long deliveryId) {
        Endpoint endpoint = requireEnabled(id);
        Delivery delivery = deliveries.find(endpoint.id, deliveryId)
                .orElseThrow(() -> ProblemException.notFound("Delivery " + deliveryId + " of webhook endpoint " + id));
        deliveries.redeliver(endpoint.id, deliveryId, Instant.now());
        added.fire(new DeliveriesAdded());
        return new Accepted(Long.toString(delivery.id()), delivery.messageId());
    }

    /** A {@code webhook.ping} to this endpoint only. */
    public Accepted ping(UUID id) {
        Endpoint endpoint = requireEnabled(id);
        String messageId = "msg_ping_" + UUID.randomUUID().toString().replace("-", "");
        OutgoingMessage ping = Payloads.ping(messageId, endpoint.id.toString(), now());
        long deliveryId = deliveries.enqueueTo(endpoint.id, ping, Instant.now());
        added.fire(new DeliveriesAdded());
        return new Accepted(Long.toString(deliveryId), messageId);
    }

    private Endpoint requireEnabled(UUID id) {
        Endpoint endpoint = get(id);
        if (!endpoint.enabled) {
            throw ProblemException.conflict("This endpoint is disabled; enable it (PUT with \"enabled\": true) first");
        }
        return endpoint;
    }

    private Endpoint flush(Endpoint endpoint) {
        try {
            endpoints.flush();
        } catch (OptimisticLockException e) {
            throw Versions.stale(endpoint.version + 1);
        }
        return endpoint;
    }

    /** A request's target, events and kind, checked. */
    record Target(String url, String[] events, EndpointKind kind) {
    }

    /** Checks what a request asks for; every problem found is one field error of a 400. */
    Target validate(String url, List<String> events, String kind) {
        List<Problem.FieldError> errors = new ArrayList<>();
        URI uri = checkUrl(url, errors);
        LinkedHashSet<String> types = new LinkedHashSet<>();
        for (int i = 0; i < events.size(); i++) {
            String type = events.get(i);
            if (EventType.of(type).isEmpty()) {
                errors.add(new Problem.FieldError("events[" + i + "]",
                        "unknown event type; one of " + String.join(", ", EventType.names())));
            } else {
                types.add(type);
            }
        }
        EndpointKind endpointKind = kind == null ? EndpointKind.STANDARD : EndpointKind.of(kind).orElse(null);
        if (endpointKind == null) {
            errors.add(new Problem.FieldError("kind", "must be one of " + String.join(", ", EndpointKind.names())));
        }
        if (uri != null) {
            guard.refusalAtRegistration(uri).ifPresent(reason -> errors.add(new Problem.FieldError("url", "refused: " + reason)));
        }
        if (!errors.isEmpty()) {
            String detail = errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                    : errors.size() + " fields are invalid";
            throw new ProblemException(ProblemType.VALIDATION, detail, errors, Map.of());
        }
        return new Target(uri.toString(), types.toArray(String[]::new), endpointKind);
    }

    /** An absolute http(s) URL with a host, no user information, at most {@value #MAX_URL} characters. */
    static URI checkUrl(String url, List<Problem.FieldError> errors) {
        if (url.length() > MAX_URL) {
            errors.add(new Problem.FieldError("url", "must be at most " + MAX_URL + " characters"));
            return null;
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            errors.add(new Problem.FieldError("url", "must be an absolute http or https URL"));
            return null;
        }
        String scheme = uri.getScheme();
        if (!uri.isAbsolute() || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)) || uri.isOpaque()) {
            errors.add(new Problem.FieldError("url", "must be an absolute http or https URL"));
            return null;
        }
        if (uri.getRawUserInfo() != null || uri.getRawAuthority() != null && uri.getRawAuthority().contains("@")) {
            errors.add(new Problem.FieldError("url", "must not carry user information (user:password@)"));
            return null;
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            errors.add(new Problem.FieldError("url", "must name a host (letters, digits, '-' and '.', or an IP address)"));
            return null;
        }
        if (uri.getPort() > 65535) {
            errors.add(new Problem.FieldError("url", "has a port above 65535"));
            return null;
        }
        if (uri.getRawFragment() != null) {
            errors.add(new Problem.FieldError("url", "must not have a fragment (#...)"));
            return null;
        }
        return uri;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Microsecond precision: what PostgreSQL stores, so the API answers the same time before and after a reload. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
