package io.newsroom.cms.articles.rest;

import io.newsroom.cms.articles.api.NotificationRecords.Marked;
import io.newsroom.cms.articles.api.NotificationRecords.NotificationPage;
import io.newsroom.cms.articles.api.NotificationRecords.NotificationView;
import io.newsroom.cms.articles.api.NotificationRecords.UnreadCount;
import io.newsroom.cms.articles.service.Notifications;
import io.newsroom.cms.articles.service.UserDirectory;
import io.newsroom.cms.common.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/**
 * The caller's own in-app notifications: there is no way to name someone else's (the recipient is always the caller;
 * another person's notification id is a 404).
 */
@Path("/notifications")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "notifications")
@RolesAllowed({Roles.WRITER, Roles.EDITOR, Roles.CURATOR, Roles.ADMIN})
public class NotificationResource {
    @Inject
    Notifications notifications;

    @Inject
    UserDirectory directory;

    @Inject
    SecurityIdentity identity;

    private String me() {
        directory.seen(identity);
        return identity.getPrincipal().getName();
    }

    @GET
    @Operation(summary = "The caller's notifications, newest first: unread=true for the unread ones only; cursor from nextCursor")
    public NotificationPage list(@QueryParam("unread") @Pattern(regexp = "true|false", message = "must be true or false") String unread,
                                 @QueryParam("cursor") @Size(max = 200) String cursor,
                                 @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit) {
        return notifications.list(me(), "true".equals(unread), cursor == null || cursor.isBlank() ? null : cursor.trim(), limit);
    }

    @GET
    @Path("unread-count")
    @Operation(summary = "How many of the caller's notifications are unread (the editor app's bell)")
    public UnreadCount unreadCount() {
        return new UnreadCount(notifications.unread(me()));
    }

    @POST
    @Path("{id: [0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}}/read")
    @Operation(summary = "Mark one of the caller's notifications read (again: no change)")
    public NotificationView read(@PathParam("id") UUID id) {
        return notifications.read(me(), id);
    }

    @POST
    @Path("read-all")
    @Operation(summary = "Mark every unread notification of the caller read; answers how many were")
    public Marked readAll() {
        return new Marked(notifications.readAll(me()));
    }
}
