package io.newsroom.cms.curation.rest;

import io.newsroom.cms.common.Roles;
import io.newsroom.cms.common.problem.Versions;
import io.newsroom.cms.common.time.ScheduleWindow;
import io.newsroom.cms.common.time.Times;
import io.newsroom.cms.curation.api.ListRecords.*;
import io.newsroom.cms.curation.domain.FeaturedList;
import io.newsroom.cms.curation.published.ListResolver;
import io.newsroom.cms.curation.service.FeaturedListEditor;
import io.newsroom.cms.curation.service.FeaturedListPublisher;
import io.newsroom.cms.curation.service.ListMapper;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.*;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Editor API for featured lists: curators and admins write, editors read. */
@Path("/lists")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "lists")
@RolesAllowed({Roles.CURATOR, Roles.ADMIN})
public class ListResource {
    /** What a slug may look like in a path (its exact form is checked on create): linear to match, whatever arrives. */
    private static final String SLUG = "{slug: [a-z0-9][a-z0-9-]{0,79}}";

    @Inject
    FeaturedListEditor lists;

    @Inject
    FeaturedListPublisher publisher;

    @Inject
    ListResolver resolver;

    @Inject
    SecurityIdentity identity;

    private String actor() {
        return identity.getPrincipal().getName();
    }

    @POST
    @Operation(summary = "Create a list")
    public Response create(@NotNull @Valid CreateList request) {
        FeaturedList list = lists.create(request, actor());
        return Response.created(UriBuilder.fromResource(ListResource.class).path(list.slug()).build())
                .tag(Versions.etag(list.version())).entity(ListMapper.view(list)).build();
    }

    @GET
    @RolesAllowed({Roles.CURATOR, Roles.ADMIN, Roles.EDITOR})
    public ListPage all() {
        List<ListView> views = lists.all().stream().map(ListMapper::view).toList();
        return new ListPage(views, views.size());
    }

    @GET
    @Path("schedule")
    @RolesAllowed({Roles.CURATOR, Roles.ADMIN, Roles.EDITOR})
    @Operation(summary = "The planning calendar: lists scheduled to publish from `from` (inclusive) to `to` (exclusive), by"
            + " time, each with the list's version (If-Match of cancelling), the draft's (If-Match of publishing at a new"
            + " time) and whether the caller may move it; at most 62 days at once (400 at `to` otherwise)")
    public ListSchedule schedule(@Parameter(required = true, description = "ISO-8601 time with an offset") @QueryParam("from") String from,
                                 @Parameter(required = true, description = "ISO-8601 time with an offset, after from, at most 62 days") @QueryParam("to") String to) {
        ScheduleWindow window = ScheduleWindow.parse(from, to);
        boolean curates = identity.hasRole(Roles.CURATOR) || identity.hasRole(Roles.ADMIN);
        return new ListSchedule(window.from(), window.to(), lists.scheduled(window).stream().map(l -> ListMapper.scheduled(l, curates)).toList());
    }

    @GET
    @Path(SLUG)
    @RolesAllowed({Roles.CURATOR, Roles.ADMIN, Roles.EDITOR})
    public Response get(@PathParam("slug") String slug) {
        FeaturedList list = lists.get(slug);
        return Response.ok(ListMapper.view(list)).tag(Versions.etag(list.version())).build();
    }

    @PUT
    @Path(SLUG)
    @Operation(summary = "Change title, description, maximum size (If-Match: the list's ETag)")
    public Response update(@PathParam("slug") String slug, @HeaderParam("If-Match") String ifMatch, @NotNull @Valid UpdateList request) {
        FeaturedList list = lists.updateMeta(slug, Versions.requireIfMatch(ifMatch), request, actor());
        return Response.ok(ListMapper.view(list)).tag(Versions.etag(list.version())).build();
    }

    @DELETE
    @Path(SLUG)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Delete an empty list (If-Match: the list's ETag)")
    public Response delete(@PathParam("slug") String slug, @HeaderParam("If-Match") String ifMatch) {
        lists.delete(slug, Versions.requireIfMatch(ifMatch));
        return Response.noContent().build();
    }

    @GET
    @Path(SLUG + "/draft")
    @RolesAllowed({Roles.CURATOR, Roles.ADMIN, Roles.EDITOR})
    @Operation(summary = "The draft (ETag: the draft version, needed as If-Match for every draft edit)")
    public Response draft(@PathParam("slug") String slug) {
        return draftResponse(lists.get(slug));
    }

    @GET
    @Path(SLUG + "/live")
    @RolesAllowed({Roles.CURATOR, Roles.ADMIN, Roles.EDITOR})
    @Operation(summary = "The live version as curated (items, overrides, windows), to compare with the draft; no items and"
            + " no revision when the list was never published")
    public LiveView live(@PathParam("slug") String slug) {
        return ListMapper.live(lists.get(slug));
    }

    @PUT
    @Path(SLUG + "/draft")
    @Operation(summary = "Replace the whole order of the draft")
    public Response replaceDraft(@PathParam("slug") String slug, @HeaderParam("If-Match") String ifMatch, @NotNull @Valid DraftRequest request) {
        return draftResponse(lists.replaceDraft(slug, Versions.requireIfMatch(ifMatch), request.items(), actor()));
    }

    @POST
    @Path(SLUG + "/draft/items")
    @Operation(summary = "Add a published article at a position (default: the end)")
    public Response addItem(@PathParam("slug") String slug, @HeaderParam("If-Match") String ifMatch, @NotNull @Valid ItemRequest request) {
        return draftResponse(lists.addItem(slug, Versions.requireIfMatch(ifMatch), request, actor()));
    }

    @PUT
    @Path(SLUG + "/draft/items/{articleId}")
    @Operation(summary = "Set or clear an item's overrides and live window")
    public Response updateItem(@PathParam("slug") String slug, @PathParam("articleId") UUID articleId,
                               @HeaderParam("If-Match") String ifMatch, @NotNull @Valid ItemUpdate update) {
        return draftResponse(lists.updateItem(slug, Versions.requireIfMatch(ifMatch), articleId, update, actor()));
    }

    @DELETE
    @Path(SLUG + "/draft/items/{articleId}")
    public Response removeItem(@PathParam("slug") String slug, @PathParam("articleId") UUID articleId,
                               @HeaderParam("If-Match") String ifMatch) {
        return draftResponse(lists.removeItem(slug, Versions.requireIfMatch(ifMatch), articleId, actor()));
    }

    @POST
    @Path(SLUG + "/draft/move")
    public Response move(@PathParam("slug") String slug, @HeaderParam("If-Match") String ifMatch, @NotNull @Valid MoveRequest request) {
        return draftResponse(lists.move(slug, Versions.requireIfMatch(ifMatch), request.articleId(), request.position(), actor()));
    }

    @POST
    @Path(SLUG + "/draft/discard")
    @Operation(summary = "Reset the draft to the live version")
    public Response discard(@PathParam("slug") String slug, @HeaderParam("If-Match") String ifMatch) {
        return draftResponse(lists.discard(slug, Versions.requireIfMatch(ifMatch), actor()));
    }

    @POST
    @Path(SLUG + "/publish")
    @Operation(summary = "Publish the draft now, or at a future time ({\"at\": ...}; a time already past is a 400 at `at`); If-Match: the draft's ETag, so"
            + " that what is published is what the caller saw")
    public Response publish(@PathParam("slug") String slug, @HeaderParam("If-Match") String ifMatch, @Valid PublishRequest request) {
        FeaturedList list = publisher.publish(slug, Versions.requireIfMatch(ifMatch), request == null ? null : request.at(), actor());
        return Response.ok(ListMapper.view(list)).tag(Versions.etag(list.version())).build();
    }

    @DELETE
    @Path(SLUG + "/schedule")
    @Operation(summary = "Cancel the scheduled publish (If-Match: the list's ETag, which scheduling moved on); 409 when"
            + " nothing is scheduled, also when the scheduler published it first")
    public Response cancelSchedule(@PathParam("slug") String slug, @HeaderParam("If-Match") String ifMatch) {
        FeaturedList list = publisher.cancelSchedule(slug, Versions.requireIfMatch(ifMatch), actor());
        return Response.ok(ListMapper.view(list)).tag(Versions.etag(list.version())).build();
    }

    @POST
    @Path(SLUG + "/rollback")
    @Operation(summary = "Make an earlier published revision live again (If-Match: the list's ETag)")
    public Response rollback(@PathParam("slug") String slug, @HeaderParam("If-Match") String ifMatch,
                             @NotNull @Valid RollbackRequest request) {
        FeaturedList list = publisher.rollback(slug, Versions.requireIfMatch(ifMatch), request.revision(), actor());
        return Response.ok(ListMapper.view(list)).tag(Versions.etag(list.version())).build();
    }

    @GET
    @Path(SLUG + "/preview")
    @RolesAllowed({Roles.CURATOR, Roles.ADMIN, Roles.EDITOR})
    @Operation(summary = "The list as readers will see it at a time (item windows and a scheduled publish applied)")
    public ResolvedList preview(@PathParam("slug") String slug, @QueryParam("at") String at) {
        Instant when = at == null || at.isBlank() ? Instant.now() : Times.param("at", at);
        return resolver.preview(slug, when);
    }

    @GET
    @Path(SLUG + "/audit")
    @RolesAllowed({Roles.CURATOR, Roles.ADMIN, Roles.EDITOR})
    @Operation(summary = "Who added, moved, removed, overrode or published what, and when (newest first)")
    public AuditPage audit(@PathParam("slug") String slug) {
        return ListMapper.audit(lists.get(slug));
    }

    /**
     * The live list resolved for readers: anonymous, read by the gateway's public API. The body is the content only,
     * so equal content is equal bytes (and the same ETag downstream); when the articles could not be asked and their
     * last good view was used, a {@code Warning: 110} header says so.
     */
    @GET
    @Path("public/" + SLUG)
    @PermitAll
    @Operation(summary = "The live list, resolved: overrides applied, unpublished articles and ended windows dropped;"
            + " Warning: 110 when resolved from the last good view of the articles")
    public Response publicList(@PathParam("slug") String slug) {
        ResolvedList resolved = resolver.live(slug);
        Response.ResponseBuilder response = Response.ok(new PublicList(resolved.slug(), resolved.title(), resolved.description(),
                resolved.revision(), resolved.publishedAt(), resolved.items()));
        if (resolved.stale()) {
            response.header("Warning", STALE_WARNING);
        }
        return response.build();
    }

    /** RFC 7234's warning for an answer made from data that may be out of date. */
    public static final String STALE_WARNING = "110 - \"Response is stale\"";

    private static Response draftResponse(FeaturedList list) {
        return Response.ok(ListMapper.draft(list)).tag(Versions.etag(list.draft().version())).build();
    }
}
