package io.newsroom.cms.articles.rest;

import io.newsroom.cms.articles.api.PresenceRecords.PresenceRequest;
import io.newsroom.cms.articles.api.PresenceRecords.PresenceView;
import io.newsroom.cms.articles.service.ArticleWorkflow.Actor;
import io.newsroom.cms.articles.service.PresenceFeed;
import io.newsroom.cms.articles.service.PresenceRegistry;
import io.newsroom.cms.articles.service.PresenceRegistry.Watcher;
import io.newsroom.cms.articles.service.UserDirectory;
import io.newsroom.cms.common.Roles;
import io.newsroom.cms.common.problem.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/**
 * Who has an article open, live, and its soft edit lock. A browser tab names itself with a session id (a UUID it
 * makes per article it opens), joins, beats every 15 s (a tab silent for 40 s is gone), leaves on pagehide, and may
 * take over the lock. The stream is server-sent events read by the editor app with fetch() (so the bearer token goes
 * in the Authorization header, never in a URL).
 */
@Path("/articles")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "presence")
@RolesAllowed({Roles.WRITER, Roles.EDITOR, Roles.CURATOR, Roles.ADMIN})
public class PresenceResource {
    private static final String SESSION = "{session: [0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}}";

    @Inject
    PresenceRegistry registry;

    @Inject
    PresenceFeed feed;

    @Inject
    SecurityIdentity identity;

    private Watcher watcher() {
        String username = identity.getPrincipal().getName();
        boolean editor = identity.hasRole(Roles.EDITOR) || identity.hasRole(Roles.ADMIN);
        return new Watcher(new Actor(username, identity.hasRole(Roles.WRITER), editor), editor || identity.hasRole(Roles.CURATOR),
                UserDirectory.displayName(identity));
    }

    @GET
    @Path(ArticleResource.ID + "/presence")
    @Operation(summary = "Who has the article open now, and who holds its edit lock (session: the caller's tab, to mark it)")
    public PresenceView presence(@PathParam("id") UUID id, @QueryParam("session") String session) {
        return registry.view(id, sessionParam(session), watcher());
    }

    @GET
    @Path(ArticleResource.ID + "/presence/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Blocking
    @Operation(summary = "The article's presence, live: server-sent events `presence` (the view, at once and on every"
            + " change, within about a second on any replica) and a `: keep-alive` comment every 15 s; the stream ends"
            + " after 10 minutes (reconnect)")
    public void stream(@PathParam("id") UUID id, @QueryParam("session") String session, @Context SseEventSink sink, @Context Sse sse) {
        UUID tab = sessionParam(session);
        Watcher watcher = watcher();
        registry.requireMayWatch(id, watcher);
        feed.open(id, tab, watcher.actor().username(), sink, sse);
    }

    @PUT
    @Path(ArticleResource.ID + "/presence/" + SESSION)
    @Operation(summary = "Join or beat (every 15 s) as EDITING or VIEWING; EDITING while someone else holds the lock is a"
            + " 409 naming them (`editor`), as is EDITING after one's lock was taken over")
    public PresenceView join(@PathParam("id") UUID id, @PathParam("session") UUID session, @NotNull @Valid PresenceRequest request) {
        PresenceView view = registry.join(id, session, request.mode(), watcher());
        feed.changed(id);
        return view;
    }

    @POST
    @Path(ArticleResource.ID + "/presence/" + SESSION + "/take-over")
    @RolesAllowed({Roles.WRITER, Roles.EDITOR, Roles.ADMIN})
    @Operation(summary = "Take the edit lock: the holder's tab is told at once and switches to read-only")
    public PresenceView takeOver(@PathParam("id") UUID id, @PathParam("session") UUID session) {
        PresenceView view = registry.takeOver(id, session, watcher());
        feed.changed(id);
        return view;
    }

    @DELETE
    @Path(ArticleResource.ID + "/presence/" + SESSION)
    @Operation(summary = "Leave (the tab closed or left the article); also when the session is already gone")
    public Response leave(@PathParam("id") UUID id, @PathParam("session") UUID session) {
        registry.leave(id, session, watcher());
        feed.changed(id);
        return Response.noContent().build();
    }

    private static UUID sessionParam(String session) {
        if (session == null || session.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(session);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("session", "must be a UUID (the tab's session id)");
        }
    }
}
