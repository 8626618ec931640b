package io.newsroom.cms.articles.rest;

import io.newsroom.cms.articles.domain.Action;
import io.newsroom.cms.articles.domain.Article;
import io.newsroom.cms.articles.domain.ArticleStatus;
import io.newsroom.cms.articles.domain.WorkflowEvent;
import io.newsroom.cms.articles.api.ArticleRecords.*;
import io.newsroom.cms.articles.service.ArticleEditing;
import io.newsroom.cms.articles.service.ArticleEmbargoes;
import io.newsroom.cms.articles.service.ArticleHistory;
import io.newsroom.cms.articles.service.ArticleListing;
import io.newsroom.cms.articles.service.ArticleMapper;
import io.newsroom.cms.articles.service.ArticleSchedule;
import io.newsroom.cms.articles.service.ArticleSaves;
import io.newsroom.cms.articles.service.ArticleTransitions;
import io.newsroom.cms.articles.service.ArticleWorkflow;
import io.newsroom.cms.articles.service.ArticleWorkflow.Actor;
import io.newsroom.cms.articles.service.Assignments;
import io.newsroom.cms.articles.service.UserDirectory;
import io.newsroom.cms.articles.service.RevisionDiffer;
import io.newsroom.cms.common.Roles;
import io.newsroom.cms.common.problem.ProblemException;
import io.newsroom.cms.common.problem.Versions;
import io.newsroom.cms.common.time.ScheduleWindow;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
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
    ArticleSchedule schedule;

    @Inject
    ArticleEmbargoes embargoes;

    @Inject
    Assignments assignments;

    @Inject
    UserDirectory directory;

    @Inject
    SecurityIdentity identity;

    private Actor actor() {
        directory.seen(identity);
        return Callers.actor(identity);
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
            + " assignee (a username, or `me`: the caller's queue); sort; paginate. An article under embargo is listed only to those"
            + " who may open it.")
    public ArticlePage list(@QueryParam("status") ArticleStatus status, @QueryParam("author") UUID author,
                            @QueryParam("tag") @Size(max = 60) String tag, @QueryParam("q") @Size(max = 200) String q,
                            @QueryParam("mine") @Pattern(regexp = BOOLEAN, message = "must be true or false") String mine,
                            @QueryParam("changesRequested") @Pattern(regexp = BOOLEAN, message = "must be true or false") String changesRequested,
                            @QueryParam("sort") String sort,
                            @QueryParam("section") @Size(max = 80) String section,
                            @QueryParam("includeChildren") @Pattern(regexp = BOOLEAN, message = "must be true or false") String includeChildren,
                            @QueryParam("assignee") @Size(max = 100) String assignee,
                            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(10_000) int page,
                            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        directory.seen(identity);
        String queue = blank(assignee);
        if ("me".equalsIgnoreCase(queue)) {
            queue = identity.getPrincipal().getName();
        }
        return listing.list(status, author, blank(tag), blank(q), "true".equals(mine) ? identity.getPrincipal().getName() : null,
                "true".equals(changesRequested), sort, blank(section), !"false".equals(includeChildren),
                queue == null ? null : queue.toLowerCase(java.util.Locale.ROOT), page, size, actor());
    }

    @GET
    @Path("schedule")
    @Operation(summary = "The planning calendar: scheduled publishes and unpublishes (expiries) from `from` (inclusive) to"
            + " `to` (exclusive), by time, each with the article's version (its ETag, the If-Match of a reschedule) and"
            + " whether the caller may move it; at most 62 days at once (400 at `to` otherwise)")
    public ScheduleView schedule(@Parameter(required = true, description = "ISO-8601 time with an offset") @QueryParam("from") String from,
                                 @Parameter(required = true, description = "ISO-8601 time with an offset, after from, at most 62 days") @QueryParam("to") String to) {
        return schedule.in(ScheduleWindow.parse(from, to), actor());
    }

    @GET
    @Path(ID)
    @Operation(summary = "Read an article's working copy (a 404, as for no article, while an embargo keeps it from the caller)")
    public Response get(@PathParam("id") UUID id) {
        return withEtag(Response.ok(), articles.get(id, actor()));
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
            + " unschedule, unpublish, unschedule_unpublish, archive",
            description = "`unpublish` with `at` (a time in the future) sets the live article's expiry, `scheduledUnpublishAt`,"
                    + " and `unschedule_unpublish` clears it. Under embargo `publish` is a 409 naming the embargo"
                    + " (`embargoedUntil`) and `schedule` takes only an `at` at or after the lift (400 at `at`).")
    public Response transition(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                               @NotNull @Valid TransitionRequest request) {
        if (request.action() == Action.PUBLISH || request.action() == Action.SCHEDULE) {
            saves.refreshUndescribedPicture(id);
        }
        Article article = transitions.transition(id, request.action(), request.comment(), request.at(),
                Versions.requireIfMatch(ifMatch), actor());
        return withEtag(Response.ok(), article);
    }

    @PUT
    @Path(ID + "/assignee")
    @RolesAllowed({Roles.WRITER, Roles.EDITOR, Roles.ADMIN})
    @Operation(summary = "Assign the article to an editor or admin for review (If-Match: the assignment's version, 0 when never"
            + " assigned); editors and admins assign any article, a writer their own draft or article in review",
            description = "The assignee is told (an ASSIGNED notification). An unknown username, or one of someone who is not an"
                    + " editor or admin, is a 400 at `assignee`. Publishing or archiving the article ends the assignment.")
    public Response assign(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, @NotNull @Valid AssigneeRequest request) {
        AssignmentView view = assignments.assign(id, request.assignee(), request.note(), Versions.requireIfMatch(ifMatch), actor());
        return Response.ok(view).tag(Versions.etag(view.version())).build();
    }

    @DELETE
    @Path(ID + "/assignee")
    @RolesAllowed({Roles.WRITER, Roles.EDITOR, Roles.ADMIN})
    @Operation(summary = "Unassign the article (If-Match: the assignment's version); answers the now empty assignment")
    public Response unassign(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        AssignmentView view = assignments.unassign(id, Versions.requireIfMatch(ifMatch), actor());
        return Response.ok(view).tag(Versions.etag(view.version())).build();
    }

    @GET
    @Path("assignees")
    @RolesAllowed({Roles.WRITER, Roles.EDITOR, Roles.ADMIN})
    @Operation(summary = "Who may be assigned an article: the editors and admins who have signed in, by username")
    public ListOf<Reviewer> assignees() {
        directory.seen(identity);
        return new ListOf<>(directory.reviewers().stream().map(u -> new Reviewer(u.username, u.admin && !u.editor)).toList());
    }

    @GET
    @Path(ID + "/history")
    @Operation(summary = "Workflow events and review comments, oldest first")
    public ListOf<HistoryEntry> history(@PathParam("id") UUID id) {
        return new ListOf<>(history.history(id, actor()));
    }

    @GET
    @Path(ID + "/comments")
    public ListOf<CommentView> comments(@PathParam("id") UUID id) {
        return new ListOf<>(history.comments(id, actor()).stream().map(ArticleMapper::comment).toList());
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
        Actor actor = actor();
        Article article = articles.get(id, actor);
        List<WorkflowEvent> events = history.events(id, actor);
        return new ListOf<>(history.revisions(id, actor).stream().map(r -> ArticleMapper.revisionSummary(r, article, events)).toList());
    }

    @GET
    @Path(ID + "/revisions/{n: \\d{1,9}}")
    public RevisionView revision(@PathParam("id") UUID id, @PathParam("n") int n) {
        return ArticleMapper.revision(articles.revision(id, n, actor()));
    }

    @GET
    @Path(ID + "/revisions/{a: \\d{1,9}}/diff/{b: \\d{1,9}}")
    @Operation(summary = "What changed from revision a to revision b: fields, and the body line by line")
    public RevisionDiff diff(@PathParam("id") UUID id, @PathParam("a") int a, @PathParam("b") int b) {
        Actor actor = actor();
        return RevisionDiffer.diff(a, articles.revision(id, a, actor).content, b, articles.revision(id, b, actor).content);
    }

    @POST
    @Path(ID + "/revisions/{n: \\d{1,9}}/restore")
    @RolesAllowed({Roles.WRITER, Roles.EDITOR, Roles.ADMIN})
    @Operation(summary = "Make an old revision's content the working copy again, as a new revision (If-Match required)")
    public Response restore(@PathParam("id") UUID id, @PathParam("n") int n, @HeaderParam("If-Match") String ifMatch) {
        return withEtag(Response.ok(), saves.restore(id, n, Versions.requireIfMatch(ifMatch), actor()));
    }

    @PUT
    @Path(ID + "/embargo")
    @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
    @Operation(summary = "Embargo an article until a time, or change its embargo (If-Match required; editors and admins)",
            description = "Until `until` the article cannot be published (a schedule may be at the lift or later) and only"
                    + " its owner, admins, the users named in `access.users` and the holders of the roles in `access.roles`"
                    + " can open it: to everyone else every editorial read answers 404 and lists leave it out. `access` left"
                    + " out: editors; the person setting it is always named. Refused (409) on a live or archived article.")
    public Response embargo(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, @NotNull @Valid EmbargoRequest request) {
        return withEtag(Response.ok(), embargoes.set(id, Versions.requireIfMatch(ifMatch), request, actor()));
    }

    @DELETE
    @Path(ID + "/embargo")
    @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
    @Operation(summary = "Lift an article's embargo now (If-Match required; editors and admins): an ordinary article again")
    public Response liftEmbargo(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        return withEtag(Response.ok(), embargoes.lift(id, Versions.requireIfMatch(ifMatch), actor()));
    }

    private Response withEtag(Response.ResponseBuilder builder, Article article) {
        return builder.tag(Versions.etag(article.version))
                .entity(ArticleMapper.view(article, ArticleWorkflow.allowed(article, actor()), history.corrections(article.id),
                        history.related(article.content.relatedIds), assignments.of(article.id)))
                .build();
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
