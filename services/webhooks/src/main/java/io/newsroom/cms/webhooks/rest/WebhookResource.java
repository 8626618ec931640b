package io.newsroom.cms.webhooks.rest;

import io.newsroom.cms.common.Roles;
import io.newsroom.cms.common.problem.ProblemException;
import io.newsroom.cms.common.problem.Versions;
import io.newsroom.cms.webhooks.api.WebhookRecords.Accepted;
import io.newsroom.cms.webhooks.api.WebhookRecords.CreatedEndpoint;
import io.newsroom.cms.webhooks.api.WebhookRecords.DeliveryPage;
import io.newsroom.cms.webhooks.api.WebhookRecords.EndpointCreate;
import io.newsroom.cms.webhooks.api.WebhookRecords.EndpointList;
import io.newsroom.cms.webhooks.api.WebhookRecords.EndpointUpdate;
import io.newsroom.cms.webhooks.api.WebhookRecords.EndpointView;
import io.newsroom.cms.webhooks.api.WebhookRecords.EventTypeView;
import io.newsroom.cms.webhooks.api.WebhookRecords.EventTypes;
import io.newsroom.cms.webhooks.api.WebhookRecords.Secret;
import io.newsroom.cms.webhooks.domain.Endpoint;
import io.newsroom.cms.webhooks.domain.EndpointHealth;
import io.newsroom.cms.webhooks.domain.EventType;
import io.newsroom.cms.webhooks.service.EndpointAdmin;
import io.newsroom.cms.webhooks.service.EndpointMapper;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The admin API of outgoing webhooks (admins only): endpoints, their secrets and deliveries. The gateway serves it
 * as {@code /api/webhooks/...}.
 */
@Path("/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "webhooks")
public class WebhookResource {
    private static final String ID = "{id: [0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}}";
    private static final String DELIVERY_ID = "{deliveryId: [0-9]{1,18}}";

    @Inject
    EndpointAdmin admin;

    @Inject
    SecurityIdentity identity;

    @GET
    @Path("event-types")
    @Operation(summary = "The events endpoints can subscribe to")
    public EventTypes eventTypes() {
        return new EventTypes(Arrays.stream(EventType.values()).map(t -> new EventTypeView(t.type(), t.description())).toList());
    }

    @POST
    @Operation(summary = "Register an endpoint; the answer carries its signing secret, shown only this once")
    public Response create(@NotNull @Valid EndpointCreate request) {
        EndpointAdmin.Registered registered = admin.create(request, identity.getPrincipal().getName());
        Endpoint endpoint = registered.endpoint();
        CreatedEndpoint body = EndpointMapper.created(endpoint, EndpointHealth.NONE, registered.secret());
        return Response.created(UriBuilder.fromResource(WebhookResource.class).path(endpoint.id.toString()).build())
                .tag(Versions.etag(endpoint.version)).entity(body).build();
    }

    @GET
    @Operation(summary = "Every endpoint, oldest first, with its delivery figures")
    public EndpointList list() {
        List<Endpoint> endpoints = admin.list();
        Map<UUID, EndpointHealth> health = admin.health(endpoints.stream().map(e -> e.id).toList());
        return new EndpointList(endpoints.stream().map(e -> EndpointMapper.view(e, health.get(e.id))).toList());
    }

    @GET
    @Path(ID)
    public Response get(@PathParam("id") UUID id) {
        return withEtag(Response.ok(), admin.get(id));
    }

    @PUT
    @Path(ID)
    @Operation(summary = "Replace an endpoint (If-Match); \"enabled\": true re-enables a disabled one")
    public Response update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, @NotNull @Valid EndpointUpdate request) {
        long version = Versions.requireIfMatch(ifMatch);
        return withEtag(Response.ok(), admin.update(id, version, request, identity.getPrincipal().getName()));
    }

    @DELETE
    @Path(ID)
    @Operation(summary = "Delete an endpoint (If-Match) with its deliveries")
    public Response delete(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        admin.delete(id, Versions.requireIfMatch(ifMatch));
        return Response.noContent().build();
    }

    @POST
    @Path(ID + "/secret")
    @Consumes(MediaType.WILDCARD) // no body
    @Operation(summary = "Rotate the signing secret; the new one is shown only in this answer")
    public Response rotateSecret(@PathParam("id") UUID id) {
        EndpointAdmin.Registered rotated = admin.rotateSecret(id);
        return Response.ok(new Secret(rotated.secret())).tag(Versions.etag(rotated.endpoint().version)).build();
    }

    @GET
    @Path(ID + "/deliveries")
    @Operation(summary = "The endpoint's deliveries, newest first; page on with before=<next>")
    public DeliveryPage deliveries(@PathParam("id") UUID id, @QueryParam("limit") @DefaultValue("50") String limit,
                                   @QueryParam("before") String before) {
        int size = (int) number("limit", limit, 1, 200);
        Long beforeId = before == null || before.isBlank() ? null : number("before", before, 1, Long.MAX_VALUE);
        EndpointAdmin.DeliveriesOf page = admin.deliveries(id, beforeId, size);
        return new DeliveryPage(page.items().stream().map(EndpointMapper::view).toList(),
                page.next() == null ? null : Long.toString(page.next()));
    }

    @POST
    @Path(ID + "/deliveries/" + DELIVERY_ID + "/redeliver")
    @Consumes(MediaType.WILDCARD) // no body
    @Operation(summary = "Attempt a delivery again now, with the same webhook-id")
    public Response redeliver(@PathParam("id") UUID id, @PathParam("deliveryId") long deliveryId) {
        Accepted accepted = admin.redeliver(id, deliveryId);
        return Response.accepted(accepted).build();
    }

    @POST
    @Path(ID + "/ping")
    @Consumes(MediaType.WILDCARD) // no body
    @Operation(summary = "Send a webhook.ping event to this endpoint only")
    public Response ping(@PathParam("id") UUID id) {
        return Response.accepted(admin.ping(id)).build();
    }

    /** A whole number in [min, max] from a query parameter, or a 400 naming it. */
    private static long number(String field, String text, long min, long max) {
        try {
            long value = Long.parseLong(text.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // the problem below
        }
        throw ProblemException.invalid(field, "must be a whole number from " + min + " to " + max);
    }

    private Response withEtag(Response.ResponseBuilder builder, Endpoint endpoint) {
        EndpointHealth health = admin.health(List.of(endpoint.id)).get(endpoint.id);
        EndpointView view = EndpointMapper.view(endpoint, health);
        return builder.tag(Versions.etag(endpoint.version)).entity(view).build();
    }

}
