package io.newsroom.cms.media.rest;

import io.newsroom.cms.common.Roles;
import io.newsroom.cms.common.problem.ProblemException;
import io.newsroom.cms.common.problem.Versions;
import io.newsroom.cms.media.api.MediaRecords.FocalPoint;
import io.newsroom.cms.media.api.MediaRecords.MediaDescription;
import io.newsroom.cms.media.api.MediaRecords.MediaImport;
import io.newsroom.cms.media.api.MediaRecords.MediaPage;
import io.newsroom.cms.media.api.MediaRecords.MediaView;
import io.newsroom.cms.media.api.MediaRecords.PublicPicture;
import io.newsroom.cms.media.api.MediaRecords.UsageReport;
import io.newsroom.cms.media.api.MediaRecords.Uploaded;
import io.newsroom.cms.media.api.MediaRecords.Usages;
import io.newsroom.cms.media.domain.imaging.ImageRefused;
import io.newsroom.cms.media.service.MediaImports;
import io.newsroom.cms.media.service.MediaLibrary;
import io.newsroom.cms.media.service.MediaUploads;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The media library for the newsroom (every newsroom role; deleting is for editors and admins). The gateway serves
 * it as {@code /api/media/...}. Uploads are {@code multipart/form-data}: the file streams to disk, never whole into
 * the heap. An import takes the picture at an address instead (JSON), and is then exactly an upload.
 */
@Path("/media")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.WRITER, Roles.EDITOR, Roles.CURATOR, Roles.ADMIN})
@Tag(name = "media")
public class MediaResource {
    private static final String ID = "{id: [0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}}";

    @Inject
    MediaUploads uploads;

    @Inject
    MediaImports imports;

    @Inject
    MediaLibrary library;

    @Inject
    SecurityIdentity identity;

    @Inject
    Validator validator;

    /** The upload form: the file and, optionally, its description. */
    public static class UploadForm {
        @RestForm("file")
        public FileUpload file;
        @RestForm
        public String altText;
        @RestForm
        public String caption;
        @RestForm
        public String credit;
        @RestForm
        public String copyright;
        @RestForm
        public String source;
        @RestForm
        public Float focalX;
        @RestForm
        public Float focalY;
        /** Comma-separated. */
        @RestForm
        public String tags;

        MediaDescription description() {
            List<String> tagList = tags == null || tags.isBlank() ? List.of()
                    : List.of(tags.split(",")).stream().map(String::trim).filter(t -> !t.isEmpty()).toList();
            FocalPoint focal = focalX == null && focalY == null ? null : new FocalPoint(focalX, focalY);
            return new MediaDescription(altText, caption, credit, copyright, source, focal, tagList);
        }
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Upload a JPEG, PNG, WebP or GIF of up to 25 MB with its description; the same bytes again"
            + " answer 200 with the item already in the library instead of 201")
    public Response upload(UploadForm form) {
        if (form.file == null) {
            throw ProblemException.invalid("file", "is required: send the picture as the form's file part");
        }
        MediaDescription description = form.description();
        Set<ConstraintViolation<MediaDescription>> violations = validator.validate(description);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        Uploaded uploaded = uploads.upload(new MediaUploads.Upload(form.file.uploadedFile(), form.file.fileName(),
                form.file.size(), description, identity.getPrincipal().getName()));
        return added(uploaded);
    }

    @POST
    @Path("imports")
    @Operation(summary = "Import the picture at an http(s) address (public addresses only, at most 3 redirects, 25 MB, 8 s)"
            + " with its description; answered like an upload: 201 with the new item, or 200 with the item already in"
            + " the library. An address that cannot be fetched is a 400 at url (413 too large, 415 not a picture, 504"
            + " no answer in time)")
    public Response importFromUrl(@NotNull @Valid MediaImport request) {
        Uploaded uploaded;
        try {
            uploaded = imports.importFrom(request, identity.getPrincipal().getName());
        } catch (ImageRefused e) {
            throw MediaProblems.imageRefused(e, "url"); // what the address leads to is not a picture the library takes
        }
        return added(uploaded);
    }

    /** An upload's or an import's answer: 201 with where the new item is, or 200 with the one already there. */
    private static Response added(Uploaded uploaded) {
        MediaView item = uploaded.item();
        Response.ResponseBuilder answer = uploaded.alreadyInLibrary() ? Response.ok(uploaded)
                : Response.created(UriBuilder.fromResource(MediaResource.class).path(item.id().toString()).build()).entity(uploaded);
        return answer.tag(Versions.etag(item.version())).build();
    }

    @GET
    @Operation(summary = "The library, newest first; q searches alt text, caption, credit and file name; tag filters")
    public MediaPage list(@QueryParam("q") @Size(max = 200) String q, @QueryParam("tag") @Size(max = 60) String tag,
                          @QueryParam("cursor") @Size(max = 200) String cursor,
                          @QueryParam("limit") @DefaultValue("40") @Min(1) @Max(100) int limit) {
        return library.page(q, tag, cursor, limit);
    }

    @GET
    @Path(ID)
    @Operation(summary = "One item with its renditions (srcset-ready URLs per shape) and how often it is used")
    public Response get(@PathParam("id") UUID id) {
        MediaView item = library.get(id);
        return Response.ok(item).tag(Versions.etag(item.version())).build();
    }

    @PUT
    @Path(ID)
    @Operation(summary = "Replace the description (If-Match); a new focal point gives new crop URLs")
    public Response describe(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                             @NotNull @Valid MediaDescription description) {
        MediaView item = library.describe(id, Versions.requireIfMatch(ifMatch), description);
        return Response.ok(item).tag(Versions.etag(item.version())).build();
    }

    @DELETE
    @Path(ID)
    @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
    @Operation(summary = "Delete an item no one uses (If-Match), with its original and renditions; 409 while it is used")
    public Response delete(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        library.delete(id, Versions.requireIfMatch(ifMatch));
        return Response.noContent().build();
    }

    @GET
    @Path(ID + "/usages")
    @Operation(summary = "Where the item is used")
    public Usages usages(@PathParam("id") UUID id) {
        return new Usages(library.usages(id));
    }

    @PUT
    @Path(ID + "/usages")
    @RolesAllowed({Roles.ARTICLES_SERVICE, Roles.AUTHORS_SERVICE, Roles.CURATION_SERVICE})
    @Operation(summary = "Record that an article, a list item or an author uses the item (the services that show"
            + " pictures, each its own kind only, never a person); answers what readers are to see of it, for the"
            + " caller's copy")
    public PublicPicture used(@PathParam("id") UUID id, @NotNull @Valid UsageReport report) {
        requireReporterOf(report.kind());
        return library.used(id, report);
    }

    @DELETE
    @Path(ID + "/usages/{kind: article|list-item|author}/{ref: [A-Za-z0-9._:-]{1,200}}")
    @RolesAllowed({Roles.ARTICLES_SERVICE, Roles.AUTHORS_SERVICE, Roles.CURATION_SERVICE})
    @Operation(summary = "Record that it no longer does")
    public Response notUsed(@PathParam("id") UUID id, @PathParam("kind") String kind, @PathParam("ref") String ref) {
        requireReporterOf(kind);
        library.notUsed(id, kind, ref);
        return Response.noContent().build();
    }

    /** Which service's account reports each kind of usage: none may report (or withdraw) another's. */
    private static final Map<String, String> REPORTER = Map.of("article", Roles.ARTICLES_SERVICE,
            "author", Roles.AUTHORS_SERVICE, "list-item", Roles.CURATION_SERVICE);

    private void requireReporterOf(String kind) {
        if (!identity.hasRole(REPORTER.get(kind))) {
            throw new ForbiddenException("Usage of kind " + kind + " is reported by the " + REPORTER.get(kind) + " account only");
        }
    }
}
