package io.newsroom.cms.webhooks.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The webhooks API's request and response bodies: the HTTP contract, exactly as sent. */
public final class WebhookRecords {
    private WebhookRecords() {
    }

    public record EventTypeView(String type, String description) {
    }

    public record EventTypes(List<EventTypeView> items) {
    }

    /** Register an endpoint. {@code kind} defaults to {@code standard}. */
    public record EndpointCreate(
            @NotNull @Schema(description = "absolute http(s) URL, no user:password@, at most 2048 characters") String url,
            @Size(max = 500) String description,
            @NotNull @Size(min = 1, max = 20, message = "must name 1 to 20 event types") List<@NotNull String> events,
            @Schema(enumeration = {"standard", "cdn-purge"}) String kind) {
    }

    /** Replace an endpoint (If-Match). {@code enabled}: true re-enables (and forgets the failure streak), false disables. */
    public record EndpointUpdate(
            @NotNull @Schema(description = "absolute http(s) URL, no user:password@, at most 2048 characters") String url,
            @Size(max = 500) String description,
            @NotNull @Size(min = 1, max = 20, message = "must name 1 to 20 event types") List<@NotNull String> events,
            @Schema(enumeration = {"standard", "cdn-purge"}) String kind,
            Boolean enabled) {
    }

    /**
     * Deliveries so far: {@code delivered} and {@code failed} (the retry schedule used up) since registration,
     * {@code pending} waiting now (retries included); the last attempt's time and HTTP status (null when no answer came).
     */
    public record Stats(long delivered, long failed, long pending, Instant lastDeliveryAt, Integer lastStatus) {
    }

    /** An endpoint as admins see it; never its secret (shown once, on creation and rotation). */
    public record EndpointView(UUID id, String url, String description, List<String> events, String kind, boolean enabled,
                               Instant disabledAt, String disabledReason, Instant createdAt, String createdBy,
                               Instant updatedAt, long version, Stats stats) {
    }

    /** The answer to a registration: the endpoint and, this once, its signing secret. */
    public record CreatedEndpoint(UUID id, String url, String description, List<String> events, String kind, boolean enabled,
                                  Instant disabledAt, String disabledReason, Instant createdAt, String createdBy,
                                  Instant updatedAt, long version, Stats stats,
                                  @Schema(description = "Standard Webhooks secret, whsec_ + base64; shown only here and on rotation")
                                  String secret) {
    }

    public record EndpointList(List<EndpointView> items) {
    }

    public record Secret(@Schema(description = "the new signing secret, whsec_ + base64") String secret) {
    }

    /**
     * One message to the endpoint ({@code id}: a delivery id, digits, in a string): {@code eventId} is the {@code webhook-id} receivers see (the same on every attempt);
     * {@code status} pending, retrying, delivered or failed; {@code nextAttemptAt} while it is pending or retrying.
     */
    public record DeliveryView(String id, String eventId, String eventType, String status, int attempts, Integer lastStatusCode,
                               Long lastDurationMs, String lastError, Instant nextAttemptAt, Instant createdAt,
                               Instant deliveredAt) {
    }

    /** Newest first; {@code next} is the {@code before} of the next page, null on the last. */
    public record DeliveryPage(List<DeliveryView> items, String next) {
    }

    /** A delivery that will be attempted now ({@code eventId}: its webhook-id). */
    public record Accepted(String deliveryId, String eventId) {
    }
}
