package io.newsroom.cms.common.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.newsroom.cms.common.json.StrictJson;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The single place where exceptions become RFC 9457 problem+json answers. Never leaks stack traces,
 * exception class names or SQL; unexpected failures are logged with an id that the answer repeats.
 */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(e.toProblem(path(uri)));
    }

    /** Seconds a client should wait before trying again after a 503. */
    public static final int RETRY_AFTER_SECONDS = 5;

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            errors.add(new Problem.FieldError(fieldPath(violation.getPropertyPath()), violation.getMessage()));
        }
        errors.sort(Comparator.comparing(Problem.FieldError::field));
        String detail = errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid";
        return respond(new Problem(ProblemType.VALIDATION.uri(), ProblemType.VALIDATION.title(), 400, detail,
                path(uri), errors, Map.of()));
    }

    // Quarkus ships its own mappers for these Jackson subtypes; naming them here makes ours the closest match.
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return json(e, uri);
    }

    @ServerExceptionMapper
    public Response unparseable(JsonParseException e, UriInfo uri) {
        return json(e, uri);
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e, UriInfo uri) {
        String field = e instanceof JsonMappingException mapping ? jsonPath(mapping) : "";
        String raw = String.valueOf(e.getOriginalMessage());
        String message;
        String detail = null;
        if (e instanceof StrictJson.RejectedValue rejected) {
            message = rejected.reason();
        } else if (e instanceof UnrecognizedPropertyException unknown) {
            field = field.isEmpty() ? unknown.getPropertyName() : field;
            message = "unknown field";
        } else if (raw.startsWith("Trailing token")) {
            field = "";
            message = null;
            detail = "The request body has more after its JSON value; send exactly one JSON value";
        } else if (raw.startsWith("Duplicate field")) {
            int quote = raw.indexOf('\'');
            field = quote >= 0 && raw.indexOf('\'', quote + 1) > quote ? raw.substring(quote + 1, raw.indexOf('\'', quote + 1)) : "";
            message = "appears twice";
        } else if (e instanceof InvalidFormatException invalid) {
            message = "cannot read " + quote(invalid.getValue()) + " as " + typeName(invalid.getTargetType());
        } else if (e instanceof MismatchedInputException mismatched) {
            message = "expected " + typeName(mismatched.getTargetType());
        } else if (e instanceof JsonParseException) {
            message = "not valid JSON";
        } else {
            message = "cannot be read";
        }
        List<Problem.FieldError> errors = field.isEmpty() || message == null ? List.of() : List.of(new Problem.FieldError(field, message));
        if (detail == null) {
            detail = errors.isEmpty() ? "The request body is " + (e instanceof JsonParseException ? "not valid JSON" : "not readable")
                    : field + ": " + message;
        }
        return respond(new Problem(ProblemType.MALFORMED_BODY.uri(), ProblemType.MALFORMED_BODY.title(), 400, detail,
                path(uri), errors, Map.of()));
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class,
            AuthenticationCompletionException.class})
    public Response unauthorized(RuntimeException e, UriInfo uri) {
        Problem problem = of(ProblemType.UNAUTHORIZED, "A valid bearer token is required", uri);
        return Response.status(401).type(Problem.MEDIA_TYPE).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").entity(problem).build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(of(ProblemType.FORBIDDEN, "Your role does not allow this", uri));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return json(json, uri);
        }
        if (e instanceof NotFoundException && e.getCause() != null && !(e.getCause() instanceof WebApplicationException)) {
            Problem unreadable = unreadableQueryParameter(e.getCause(), uri);
            if (unreadable != null) {
                return respond(unreadable);
            }
        }
        int status = e.getResponse().getStatus();
        ProblemType type = ProblemType.forStatus(status);
        if (status >= 500) {
            LOG.errorf(e, "%d answering %s", status, path(uri));
        }
        String detail = switch (status) {
            case 404 -> "No resource at " + path(uri);
            case 405 -> "This resource does not accept that method";
            case 406 -> "This resource cannot produce the requested media type";
            case 415 -> "Send application/json";
            case 413 -> "The request body is too large";
            case 400 -> e.getMessage() == null || e.getMessage().startsWith("HTTP 400") ? "The request cannot be read" : e.getMessage();
            default -> type.title();
        };
        Problem problem = new Problem(type.uri(), type.title(), status, detail, path(uri), List.of(), Map.of());
        Response.ResponseBuilder builder = Response.status(status).type(Problem.MEDIA_TYPE).entity(problem);
        if (status == 503) {
            builder.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        }
        Object allow = e.getResponse().getHeaders().getFirst(HttpHeaders.ALLOW);
        if (allow != null) {
            builder.header(HttpHeaders.ALLOW, allow);
        }
        return builder.build();
    }

    /**
     * A query parameter whose value cannot be converted to its type ({@code ?limit=ten}): Jakarta REST answers 404 for
     * it, as for a path segment that names nothing, which tells a site's developer "no such address" instead of "this
     * value is wrong". A 400 naming the parameter instead, when the failure names a query parameter's value and no path
     * segment's (a path segment that cannot be read, an id that is no UUID, stays a 404: no such resource).
     */
    static Problem unreadableQueryParameter(Throwable cause, UriInfo uri) {
        if (uri == null || !(cause instanceof IllegalArgumentException || cause instanceof java.time.DateTimeException)) {
            return null;
        }
        String message = String.valueOf(cause.getMessage());
        for (List<String> values : uri.getPathParameters().values()) {
            for (String value : values) {
                if (!value.isEmpty() && message.contains(value)) {
                    return null;
                }
            }
        }
        List<String> named = new ArrayList<>();
        uri.getQueryParameters().forEach((name, values) -> {
            if (values.stream().anyMatch(v -> !v.isEmpty() && message.contains(v))) {
                named.add(name);
            }
        });
        if (uri.getQueryParameters().isEmpty()) {
            return null;
        }
        String kind = cause instanceof NumberFormatException ? "is not a whole number"
                : cause instanceof java.time.DateTimeException ? "is not a date or time" : "is not a value this parameter takes";
        if (named.size() == 1) {
            return new Problem(ProblemType.VALIDATION.uri(), ProblemType.VALIDATION.title(), 400, named.get(0) + ": " + kind,
                    path(uri), List.of(new Problem.FieldError(named.get(0), kind)), Map.of());
        }
        return new Problem(ProblemType.VALIDATION.uri(), ProblemType.VALIDATION.title(), 400,
                "A query parameter has a value it cannot take",
                path(uri), List.of(), Map.of());
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e, UriInfo uri) {
        return respond(unexpectedProblem(e, path(uri)));
    }

    /**
     * What an exception nobody mapped means for the caller ({@link Failures}: a lost race, a value the store refused, a
     * store that is away), or a 500 with an error id that the log repeats. Also answers failures outside Quarkus REST.
     */
    public static Problem unexpectedProblem(Throwable e, String path) {
        ProblemException known = Failures.classify(e);
        if (known != null) {
            if (known.type() == ProblemType.SERVICE_UNAVAILABLE) {
                LOG.warnf("Answering 503 to %s: %s", path, rootMessage(e));
            } else if (known.type() == ProblemType.VALIDATION) {
                LOG.warnf("Answering 400 to %s for a value the store refused: %s", path, rootMessage(e));
            }
            return known.toProblem(path);
        }
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error %s answering %s", errorId, path);
        return new Problem(ProblemType.INTERNAL.uri(), ProblemType.INTERNAL.title(), 500,
                "Something went wrong on our side; quote error id " + errorId, path, List.of(), Map.of("errorId", errorId));
    }

    /** Every problem answer; a 503 says when to try again. */
    public static Response respond(Problem problem) {
        Response.ResponseBuilder builder = Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
        if (problem.status() == 503) {
            builder.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        }
        return builder.build();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private static Problem of(ProblemType type, String detail, UriInfo uri) {
        return new Problem(type.uri(), type.title(), type.status(), detail, path(uri), List.of(), Map.of());
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getRequestUri().getRawPath();
    }

    /**
     * {@code create.request.heroImage.alt} → {@code heroImage.alt}: the method and a body parameter's name are
     * dropped; a scalar parameter (query, path, header: nothing below it) is reported by its own name.
     */
    static String fieldPath(Path path) {
        List<Path.Node> nodes = new ArrayList<>();
        path.forEach(nodes::add);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < nodes.size(); i++) {
            Path.Node node = nodes.get(i);
            ElementKind kind = node.getKind();
            if (kind == ElementKind.METHOD || kind == ElementKind.CROSS_PARAMETER || kind == ElementKind.RETURN_VALUE) {
                continue;
            }
            if (kind == ElementKind.PARAMETER) {
                if (i == nodes.size() - 1) {
                    sb.append(node.getName());
                }
                continue;
            }
            if (node.getIndex() != null && sb.length() > 0) {
                sb.append('[').append(node.getIndex()).append(']');
            }
            if (node.getName() != null && kind != ElementKind.CONTAINER_ELEMENT) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(node.getName());
            }
        }
        return sb.length() == 0 ? "body" : sb.toString();
    }

    static String jsonPath(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String typeName(Class<?> type) {
        if (type == null) {
            return "a different value";
        }
        if (type == String.class) {
            return "a string";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == UUID.class) {
            return "a UUID";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "an ISO-8601 UTC time";
        }
        return "an object";
    }

    private static String quote(Object value) {
        String text = String.valueOf(value);
        return '"' + (text.length() > 40 ? text.substring(0, 40) + "…" : text) + '"';
    }
}
