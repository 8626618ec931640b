package io.newsroom.cms.authors.rest;

import io.newsroom.cms.authors.api.AuthorRecords.AuthorPage;
import io.newsroom.cms.authors.api.AuthorRecords.AuthorRequest;
import io.newsroom.cms.authors.api.AuthorRecords.AuthorView;
import io.newsroom.cms.authors.api.AuthorRecords.BylineClaimRequest;
import io.newsroom.cms.authors.api.AuthorRecords.BylineClaimed;
import io.newsroom.cms.authors.api.AuthorRecords.ProfileChanges;
import io.newsroom.cms.authors.api.AuthorRecords.ProfileUpdate;
import io.newsroom.cms.authors.api.AuthorRecords.PublicAuthor;
import io.newsroom.cms.authors.api.AuthorRecords.PublicAuthorPage;
import io.newsroom.cms.authors.api.AuthorRecords.StoredProfile;
import io.newsroom.cms.authors.domain.Author;
import io.newsroom.cms.authors.published.PublicProfiles;
import io.newsroom.cms.authors.service.AuthorMapper;
import io.newsroom.cms.authors.service.AuthorSaves;
import io.newsroom.cms.authors.service.AuthorService;
import io.newsroom.cms.common.Roles;
import io.newsroom.cms.common.problem.ProblemException;
import io.newsroom.cms.common.problem.Versions;
import io.newsroom.cms.common.time.Times;
import io.newsroom.cms.common.validation.Slug;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/** Editor API for author profiles, plus the public projection the gateway and articles service read. */
@Path("/authors")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "authors")
public class AuthorResource {
    private static final String UUID_PATTERN = "{id: [0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}}";

    @Inject
    AuthorService authors;

    @Inject
    AuthorSaves saves;

    @Inject
    SecurityIdentity identity;

    @Inject
    PublicProfiles publicProfiles;

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Create an author")
    public Response create(@NotNull @Valid AuthorRequest request) {
        Author author = saves.create(request);
        return withEtag(Response.created(UriBuilder.fromResource(AuthorResource.class).path(author.id.toString()).build()), author);
    }

    @GET
    @RolesAllowed({Roles.WRITER, Roles.EDITOR, Roles.CURATOR, Roles.ADMIN})
    @Operation(summary = "List and search authors (for the byline picker)")
    public AuthorPage list(@QueryParam("q") @Size(max = 100) String q, @QueryParam("active") Boolean active,
                           @QueryParam("page") @DefaultValue("0") @Min(0) @Max(10_000) int page,
                           @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        AuthorService.SearchResult result = authors.search(q, active, page, size);
        return new AuthorPage(result.items().stream().map(a -> AuthorMapper.view(a, mayReadPrivate(a))).toList(), result.total());
    }

    @GET
    @Path(UUID_PATTERN)
    @RolesAllowed({Roles.WRITER, Roles.EDITOR, Roles.CURATOR, Roles.ADMIN})
    public Response get(@PathParam("id") UUID id) {
        return withEtag(Response.ok(), authors.get(id));
    }

    @PUT
    @Path(UUID_PATTERN)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Replace an author (If-Match required); also deactivates/reactivates with 'active'")
    public Response update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                           @NotNull @Valid AuthorRequest request) {
        return withEtag(Response.ok(), saves.update(id, Versions.requireIfMatch(ifMatch), request));
    }

    @DELETE
    @Path(UUID_PATTERN)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Delete an author who never appeared on a byline")
    public Response delete(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        saves.delete(id, Versions.requireIfMatch(ifMatch));
        return Response.noContent().build();
    }

    @GET
    @Path("me")
    @RolesAllowed({Roles.WRITER, Roles.EDITOR, Roles.CURATOR, Roles.ADMIN})
    @Operation(summary = "My own author profile")
    public Response me() {
        String username = identity.getPrincipal().getName();
        return withEtag(Response.ok(), authors.byUsername(username).orElseThrow(() -> AuthorService.noProfile(username)));
    }

    @PUT
    @Path("me")
    @RolesAllowed({Roles.WRITER, Roles.EDITOR, Roles.CURATOR, Roles.ADMIN})
    @Operation(summary = "Edit my own profile (not the slug, the account link or the active flag)")
    public Response updateMe(@HeaderParam("If-Match") String ifMatch, @NotNull @Valid ProfileUpdate update) {
        return withEtag(Response.ok(), saves.updateOwn(identity.getPrincipal().getName(), Versions.requireIfMatch(ifMatch), update));
    }

    @POST
    @Path("byline-claims")
    @RolesAllowed(Roles.ARTICLES_SERVICE)
    @Operation(summary = "For the articles service only: check ids for an article's byline (known and active) and record"
            + " that the article names them; answers their public profiles and which claims are new")
    public BylineClaimed claimForByline(@NotNull @Valid BylineClaimRequest request) {
        AuthorService.Claimed claimed = authors.claimForByline(request.articleId(), request.ids());
        return new BylineClaimed(claimed.profiles(), claimed.newlyClaimed());
    }

    @DELETE
    @Path("byline-claims/" + UUID_PATTERN)
    @RolesAllowed(Roles.ARTICLES_SERVICE)
    @Operation(summary = "For the articles service only: release an article's claims on these authors (a save that"
            + " failed), or all of its claims when none is named (a deleted article)")
    public Response releaseClaims(@PathParam("id") UUID articleId,
                                  @QueryParam("author") @Size(max = 10) List<@NotNull UUID> authorIds) {
        authors.releaseClaims(articleId, authorIds == null ? List.of() : authorIds);
        return Response.noContent().build();
    }

    // --- public projection (no email, no account link): by slug for the gateway, the changes feed for the articles service ---

    @GET
    @Path("public/by-slug/{slug}")
    @PermitAll
    @Operation(summary = "Public profile by slug; an old slug answers 301 to the current one")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PublicAuthor.class)))
    public Uni<Response> publicBySlug(@PathParam("slug") String slug) {
        return publicProfiles.bySlug(slug).map(found -> {
            PublicProfiles.BySlug author = found.orElseThrow(() -> ProblemException.notFound("Author '" + slug + "'"));
            if (author.movedTo() != null) {
                return Response.status(Response.Status.MOVED_PERMANENTLY)
                        .location(UriBuilder.fromResource(AuthorResource.class).path("public/by-slug/{slug}").build(author.movedTo()))
                        .build();
            }
            return Response.ok(author.json(), MediaType.APPLICATION_JSON_TYPE).build();
        });
    }

    @GET
    @Path("public/changes")
    @PermitAll
    @Operation(summary = "Public names and profiles of the authors changed after (since, after), oldest change first;"
            + " page on with the last item's updatedAt and id. How other services keep their copies of bylines current.")
    public Uni<ProfileChanges> publicChanges(@QueryParam("since") @NotBlank @Size(max = 40) String since,
                                          @QueryParam("after") @Size(max = 40) String after,
                                          @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        Instant from = Times.param("since", since);
        UUID afterId;
        try {
            afterId = after == null || after.isBlank() ? new UUID(0, 0) : UUID.fromString(after);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("after", "must be the id of the last profile of the previous page");
        }
        return publicProfiles.changes(from, afterId, limit).map(ProfileChanges::new);
    }

    @GET
    @Path("public/active")
    @PermitAll
    @Operation(summary = "The public profiles of the active authors, by slug, cursor pagination: the public index of authors")
    public Uni<PublicAuthorPage> publicAuthors(@QueryParam("cursor") @Size(max = 200) String cursor,
                                               @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(100) int limit) {
        String after = null;
        if (cursor != null && !cursor.isBlank()) {
            try {
                after = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
                // the cursor is the last slug of the page before; anything else (a NUL byte PostgreSQL refuses in
                // text, say) is not one of ours
                if (!after.matches(Slug.PATTERN)) {
                    throw new IllegalArgumentException("not a slug");
                }
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid("cursor", "is not a cursor this API issued");
            }
        }
        return publicProfiles.active(after, limit + 1).map(found -> {
            boolean more = found.size() > limit;
            List<PublicProfiles.Listed> page = more ? found.subList(0, limit) : found;
            String next = more ? Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(page.get(limit - 1).slug().getBytes(StandardCharsets.UTF_8)) : null;
            return new PublicAuthorPage(page.stream().map(listed -> new StoredProfile(listed.json())).toList(), next);
        });
    }

    /** An author's email and account link go to admins and to that author only. */
    private boolean mayReadPrivate(Author author) {
        return identity.hasRole(Roles.ADMIN) || author.username != null && author.username.equals(identity.getPrincipal().getName());
    }

    private Response withEtag(Response.ResponseBuilder builder, Author author) {
        AuthorView view = AuthorMapper.view(author, mayReadPrivate(author));
        return builder.tag(Versions.etag(author.version)).entity(view).build();
    }
}
