package io.newsroom.cms.media.rest;

import io.newsroom.cms.common.problem.Problem;
import io.newsroom.cms.common.problem.ProblemException;
import io.newsroom.cms.common.problem.ProblemMappers;
import io.newsroom.cms.common.problem.ProblemType;
import io.newsroom.cms.media.domain.ImportRefused;
import io.newsroom.cms.media.domain.StoreUnavailable;
import io.newsroom.cms.media.domain.imaging.ImageRefused;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * This part's own failures as problems: a file that is not the picture it claims to be is the editor's to fix (at
 * the form's {@code file} field, or at {@code url} for an import), so is an address whose picture cannot be fetched;
 * object storage out of reach is a 503 to retry; never a 500.
 */
public class MediaProblems {
    private static final Logger LOG = Logger.getLogger(MediaProblems.class);

    @ServerExceptionMapper
    public Response imageRefused(ImageRefused e, UriInfo uri) {
        return ProblemMappers.respond(imageRefused(e, "file").toProblem(uri.getPath()));
    }

    /** A picture refused, said at {@code field}: the upload's file, or the import's address. */
    static ProblemException imageRefused(ImageRefused e, String field) {
        ProblemType type = switch (e.reason()) {
            case UNSUPPORTED_TYPE -> ProblemType.UNSUPPORTED_MEDIA_TYPE;
            case UNREADABLE, TOO_LARGE -> ProblemType.VALIDATION;
        };
        return new ProblemException(type, e.getMessage(), List.of(new Problem.FieldError(field, e.getMessage())), Map.of());
    }

    /**
     * An address whose picture cannot be fetched, at the request's {@code url}: 400, the editor's to fix (not a web
     * address, not public, no such host, nothing there but a 404, too slow to send it); 413 when it is larger than an
     * upload may be. A slow source is a 400 too, never a 504: the gateway counts a 504 against the media service's
     * circuit breaker, and a few slow sites must not close the library for everyone.
     */
    @ServerExceptionMapper
    public Response importRefused(ImportRefused e, UriInfo uri) {
        ProblemType type = switch (e.reason()) {
            case TOO_LARGE -> ProblemType.PAYLOAD_TOO_LARGE;
            case NOT_A_URL, NOT_PUBLIC, UNKNOWN_HOST, UNREACHABLE, NO_PICTURE, TIMEOUT -> ProblemType.VALIDATION;
        };
        LOG.debugf("Import refused at %s: %s", uri.getPath(), e.getMessage());
        return ProblemMappers.respond(new ProblemException(type, "url: " + e.getMessage(),
                List.of(new Problem.FieldError("url", e.getMessage())), Map.of()).toProblem(uri.getPath()));
    }

    /**
     * An upload's body that cannot be read as a form (cut short, a wrong boundary): the only I/O failure that reaches
     * this layer as it is (this part's own are wrapped, object storage's are {@link StoreUnavailable}).
     */
    @ServerExceptionMapper
    public Response unreadableBody(IOException e, UriInfo uri) {
        LOG.debugf("Unreadable body at %s: %s", uri.getPath(), e.getMessage());
        return ProblemMappers.respond(new ProblemException(ProblemType.MALFORMED_BODY,
                "The upload could not be read: send the picture as a complete multipart/form-data body").toProblem(uri.getPath()));
    }

    @ServerExceptionMapper
    public Response storeUnavailable(StoreUnavailable e, UriInfo uri) {
        LOG.warn(e.getMessage());
        return ProblemMappers.respond(new ProblemException(ProblemType.SERVICE_UNAVAILABLE,
                "The picture store cannot be reached just now; try again in a moment").toProblem(uri.getPath()));
    }
}
