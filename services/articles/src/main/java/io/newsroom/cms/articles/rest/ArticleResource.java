package io.newsroom.cms.articles.rest;

import io.newsroom.cms.articles.domain.Action;
import io.newsroom.cms.articles.domain.Article;
import io.newsroom.cms.articles.domain.ArticleStatus;
import io.newsroom.cms.articles.domain.WorkflowEvent;
import io.newsroom.cms.articles.api.ArticleRecords.*;
import io.newsroom.cms.articles.service.ArticleEditing;
import io.newsroom.cms.articles.service.ArticleHistory;
import io.newsroom.cms.articles.service.ArticleListing;
import io.newsroom.cms.articles.service.ArticleMapper;
import io.newsroom.cms.articles.service.ArticleSaves;
import io.newsroom.cms.articles.service.ArticleTransitions;
import io.newsroom.cms.articles.service.ArticleWorkflow;
import io.newsroom.cms.articles.service.ArticleWorkflow.Actor;
import io.newsroom.cms.articles.service.RevisionDiffer;
import io.newsroom.cms.common.Roles;
import io.newsroom.cms.common.problem.ProblemException;
import io.newsroom.cms.common.problem.Versions;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.*;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

/** Editor API for articles: content, workflow, revisions, comments. Every role check happens here too. */
@Path("/articles")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "articles")
@RolesAllowed({Roles.WRITER, Roles.EDITOR, Roles.CURATOR, Roles.ADMIN})
public class ArticleResource {
    /** A yes/no query parameter: anything but these words is a 400, not silently "false". */
    private static final String BOOLEAN = "true|false";

    static final String ID = "{id: [0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}}";

    @Inject
    ArticleEditing articles;

    @Inject
    ArticleSaves saves;

    @Inject
    ArticleTransitions transitions;

    @Inject
    ArticleHistory history;

    @Inject
    ArticleListing listing;

    @Inject
    SecurityIdentity identity;

    private Actor actor() {
        return new Actor(identity.getPrincipal().getName(), identity.hasRole(Roles.WRITER),
                identity.hasRole(Roles.EDITOR) || identity.hasRole(Roles.ADMIN));
    }

    @POST
    @RolesAllowed({Roles.WRITER, Roles.EDITOR, Roles.ADMIN})
    @Operation(summary = "Create an article (a DRAFT owned by the caller)")
    public Response create(@NotNull @Valid ArticleRequest request) {
        Article article = saves.create(request, actor());
        return withEtag(Response.created(UriBuilder.fromResource(ArticleResource.class).path(article.id.toString()).build()), article);
    }

    @POST
    @Path("preview")
    @Operation(summary = "Render Markdown exactly as readers will get it (sanitized HTML), for the editor's live preview")
    public PreviewResponse preview(@NotNull @Valid PreviewRequest request) {
        return new PreviewResponse(io.newsroom.cms.common.content.MarkdownRenderer.toSafeHtml(request.body()));
    }

    @GET
    @Operation(summary = "List articles: filter by status, author, tag, section (a section's slug, its subsections included"
            + " unless includeChildren=false), free text, mine, changesRequested (drafts handed back with request_changes);"
            + " sort; paginate")
    public ArticlePage list(@QueryParam("status") ArticleStatus status, @QueryParam("author") UUID author,
                            @QueryParam("tag") @Size(max = 60) String tag, @QueryParam("q") @Size(max = 200) String q,
                            @QueryParam("mine") @Pattern(regexp = BOOLEAN, message = "must be true or false") String mine,
                            @QueryParam("changesRequested") @Pattern(regexp = BOOLEAN, message = "must be true or false") String changesRequested,
                            @QueryParam("sort") String sort,
                            @QueryParam("section") @Size(max = 80) String section,
                            @QueryParam("includeChildren") @Pattern(regexp = BOOLEAN, message = "must be true or false") String includeChildren,
                            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(10_000) int page,
                            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return listing.list(status, author, blank(tag), blank(q), "true".equals(mine) ? identity.getPrincipal().getName() : null,
                "true".equals(changesRequested), sort, blank(section), !"false".equals(includeChildren), page, size);
    }

    @GET
    @Path(ID)
    public Response get(@PathParam("id") UUID id) {
        return withEtag(Response.ok(), articles.get(id));
    }

    @PUT
    @Path(ID)
    @RolesAllowed({Roles.WRITER, Roles.EDITOR, Roles.ADMIN})
    @Operation(summary = "Replace the working copy (If-Match required); saves of one person fold into their open editing"
            + " session's revision, a workflow step or a pause starts a new one",
            description = "`seo` sets what search engines and social cards show (title, description, canonicalUrl,"
                    + " noindex). `correction` ({\"kind\": \"correction\"|\"update\", \"note\"}), only on an article"
                    + " that has been published, rides on the working copy until its next publish, which gives it to"
                    + " readers as `corrections[]` of the public article, stamped with the time of that publish, and"
                    + " clears it; `corrections` of this answer lists the notes readers were given, newest first.")
    public Response update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, @NotNull @Valid ArticleRequest request) {
        return withEtag(Response.ok(), saves.update(id, Versions.requireIfMatch(ifMatch), request, actor()));
    }

    @DELETE
    @Path(ID)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Delete a never-published or archived article (If-Match required)")
    public Response delete(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        saves.delete(id, Versions.requireIfMatch(ifMatch));
        return Response.noContent().build();
    }

    @POST
    @Path(ID + "/transitions")
    @RolesAllowed({Roles.WRITER, Roles.EDITOR, Roles.ADMIN})
    @Operation(summary = "Run a workflow action (If-Match required): submit, request_changes, approve, publish, schedule,"
            + " unschedule, unpublish, archive")
    public Response transition(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                               @NotNull @Valid TransitionRequest request) {
        if (request.action() == Action.PUBLISH || request.action() == Action.SCHEDULE) {
            saves.refreshUndescribedPicture(id);
        }
        Article article = transitions.transition(id, request.action(), request.comment(), request.at(),
                Versions.requireIfMatch(ifMatch), actor());
        return withEtag(Response.ok(), article);
    }

    @GET
    @Path(ID + "/history")
    @Operation(summary = "Workflow events and review comments, oldest first")
    public ListOf<HistoryEntry> history(@PathParam("id") UUID id) {
        return new ListOf<>(history.history(id));
    }

    @GET
    @Path(ID + "/comments")
    public ListOf<CommentView> comments(@PathParam("id") UUID id) {
        return new ListOf<>(history.comments(id).stream().map(ArticleMapper::comment).toList());
    }

    @POST
    @Path(ID + "/comments")
    @RolesAllowed({Roles.WRITER, Roles.EDITOR, Roles.ADMIN})
    public Response comment(@PathParam("id") UUID id, @NotNull @Valid CommentRequest request) {
        return Response.status(Response.Status.CREATED).entity(ArticleMapper.comment(history.comment(id, request.body(), actor()))).build();
    }

    @GET
    @Path(ID + "/revisions")
    public ListOf<RevisionSummary> revisions(@PathParam("id") UUID id) {
        Article article = articles.get(id);
        List<WorkflowEvent> events = history.events(id);
        return new ListOf<>(history.revisions(id).stream().map(r -> ArticleMapper.revisionSummary(r, article, events)).toList());
    }

    @GET
    @Path(ID + "/revisions/{n: \\d{1,9}}")
    public RevisionView revision(@PathParam("id") UUID id, @PathParam("n") int n) {
        return ArticleMapper.revision(articles.revision(id, n));
    }

    @GET
    @Path(ID + "/revisions/{a: \\d{1,9}}/diff/{b: \\d{1,9}}")
    @Operation(summary = "What changed from revision a to revision b: fields, and the body line by line")
    public RevisionDiff diff(@PathParam("id") UUID id, @PathParam("a") int a, @PathParam("b") int b) {
        return RevisionDiffer.diff(a, articles.revision(id, a).content, b, articles.revision(id, b).content);
    }

    @POST
    @Path(ID + "/revisions/{n: \\d{1,9}}/restore")
    @RolesAllowed({Roles.WRITER, Roles.EDITOR, Roles.ADMIN})
    @Operation(summary = "Make an old revision's content the working copy again, as a new revision (If-Match required)")
    public Response restore(@PathParam("id") UUID id, @PathParam("n") int n, @HeaderParam("If-Match") String ifMatch) {
        return withEtag(Response.ok(), saves.restore(id, n, Versions.requireIfMatch(ifMatch), actor()));
    }

    private Response withEtag(Response.ResponseBuilder builder, Article article) {
        return builder.tag(Versions.etag(article.version))
                .entity(ArticleMapper.view(article, ArticleWorkflow.allowed(article, actor()), history.corrections(article.id),
                        history.related(article.content.relatedIds)))
                .build();
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
