package io.newsroom.cms.common.http;

import io.newsroom.cms.common.problem.Problem;
import io.newsroom.cms.common.problem.ProblemMappers;
import io.newsroom.cms.common.problem.ProblemType;
import io.newsroom.cms.common.text.SafeText;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;

/**
 * The HTTP layer's own refusals as problem+json, in every part (ARCHITECTURE.md, "Contracts"). Runs before anything
 * else on the router and refuses what no endpoint should see: a URL that is too long (414), malformed (bad percent
 * escapes, broken UTF-8) or carries control characters (400), headers that are too large (431), a body announced
 * larger than this part accepts (413), a bearer token that is not a canonical JWS (401). Failures that reach the
 * router itself (not a REST endpoint's, which have their mappers) are answered as problems too.
 *
 * <p>Vert.x's codec refuses requests beyond {@code quarkus.http.limits.max-initial-line-length} and
 * {@code max-header-size} before any handler runs, with a bare 414/431 (Quarkus has no hook for it); those limits are
 * set well above the ones here, so only requests larger than those still get the bare answer. Quarkus' own URI check
 * (a bare 400) is off ({@code -Dvertx.disableURIValidation=true}, set by {@link StrictUriValidation}); this class does
 * the same check and answers with a problem.
 */
@ApplicationScoped
public class HttpGuard {
    /** After Quarkus' start-time and header handlers, before its upload limit (order -2) and every endpoint. */
    static final int ORDER = -10;
    public static final int MAX_URI_LENGTH = 8 * 1024;
    public static final int MAX_HEADER_BYTES = 32 * 1024;
    /**
     * No path segment names anything longer (slugs are at most 80 characters, ids 36). Longer ones are refused before
     * routing: matching them against the endpoints' path patterns costs time that grows with the square of their length
     * (measured: an 8 KB segment held a service's event loop for seconds).
     */
    public static final int MAX_SEGMENT_LENGTH = 256;

    private long maxBody;
    private BodyHandler chunkedBodies;
    /** Paths that take uploads (exact, e.g. {@code /api/media}): their bodies may be up to {@link #maxUpload} and stream on. */
    private List<String> uploadPaths;
    private long maxUpload;

    void register(@Observes Router router) {
        Config config = ConfigProvider.getConfig();
        long quarkusLimit = config.getOptionalValue("quarkus.http.limits.max-body-size", MemorySize.class)
                .map(MemorySize::asLongValue).orElse(10L * 1024 * 1024);
        // a part that takes uploads raises Quarkus' limit for them and keeps every other body to cms.http.max-body-size
        maxBody = config.getOptionalValue("cms.http.max-body-size", MemorySize.class).map(MemorySize::asLongValue).orElse(quarkusLimit);
        maxUpload = config.getOptionalValue("cms.http.uploads.max-size", MemorySize.class).map(MemorySize::asLongValue).orElse(quarkusLimit);
        uploadPaths = config.getOptionalValues("cms.http.uploads.paths", String.class).orElse(List.of());
        // Quarkus answers a chunked body over the limit with an empty 413 from inside its input stream; read such
        // bodies here instead (Quarkus REST takes a body already read), failing with 413 into failed() below.
        chunkedBodies = BodyHandler.create(false).setBodyLimit(maxBody).setMergeFormAttributes(false);
        router.route().order(ORDER).handler(this::screen);
        router.route().order(ORDER).failureHandler(this::failed);
    }

    private void screen(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        String uri = request.uri();
        if (uri.length() > MAX_URI_LENGTH) {
            refuse(ctx, ProblemType.URI_TOO_LONG, "The URL is longer than " + MAX_URI_LENGTH + " characters");
            return;
        }
        if (headerBytes(request.headers()) > MAX_HEADER_BYTES) {
            refuse(ctx, ProblemType.HEADERS_TOO_LARGE, "The request headers are larger than " + MAX_HEADER_BYTES / 1024 + " KB");
            return;
        }
        String malformed = malformedUri(uri);
        if (malformed != null) {
            refuse(ctx, ProblemType.BAD_REQUEST, malformed);
            return;
        }
        if (longestSegment(request.path()) > MAX_SEGMENT_LENGTH) {
            refuse(ctx, ProblemType.NOT_FOUND, "No resource at this path: a path segment is longer than " + MAX_SEGMENT_LENGTH + " characters");
            return;
        }
        boolean upload = uploadPaths.contains(request.path());
        long limit = upload ? maxUpload : maxBody;
        String length = request.getHeader("Content-Length");
        if (length != null && tooLarge(length, limit)) {
            ctx.response().putHeader("Connection", "close");
            refuse(ctx, ProblemType.PAYLOAD_TOO_LARGE, "The request body is larger than " + sizeText(limit));
            return;
        }
        String token = BearerTokens.tokenOf(request.getHeader("Authorization"));
        if (token != null && !BearerTokens.isCanonicalJws(token)) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            refuse(ctx, ProblemType.UNAUTHORIZED, "The bearer token is not a well-formed token; sign in again");
            return;
        }
        if (length == null && request.headers().contains("Transfer-Encoding") && !upload) {
            chunkedBodies.handle(ctx); // calls next() once the whole body is read (an upload streams on: its part limits it)
        } else {
            ctx.next();
        }
    }

    /**
     * A plain read that every check here, and every filter Quarkus runs before the endpoints, lets through as it is: a
     * {@link #plain} URL (no query, no escapes) within the length limits, headers within theirs, no body, no credentials
     * and no {@code Origin} (so CORS adds nothing). A route may answer such a request before those filters run (the
     * public article page: {@code ArticlePageRoute} in the gateway); anything else goes the usual way.
     */
    public static boolean passesAsItIs(HttpServerRequest request) {
        String uri = request.uri();
        MultiMap headers = request.headers();
        return uri.length() <= MAX_URI_LENGTH && plain(uri) && longestSegment(uri) <= MAX_SEGMENT_LENGTH
                && !headers.contains("Origin") && !headers.contains("Authorization") && !headers.contains("Content-Length")
                && !headers.contains("Transfer-Encoding") && headerBytes(headers) <= MAX_HEADER_BYTES;
    }

    private static int longestSegment(String path) {
        int longest = 0;
        int start = 0;
        for (int i = 0; i <= path.length(); i++) {
            if (i == path.length() || path.charAt(i) == '/') {
                longest = Math.max(longest, i - start);
                start = i + 1;
            }
        }
        return longest;
    }

    private static String sizeText(long bytes) {
        return bytes >= 1024 * 1024 ? bytes / (1024 * 1024) + " MB" : bytes / 1024 + " KB";
    }

    private static boolean tooLarge(String length, long limit) {
        try {
            return Long.parseLong(length.trim()) > limit;
        } catch (NumberFormatException e) {
            return false; // the codec answers a bad Content-Length itself
        }
    }

    private static int headerBytes(MultiMap headers) {
        int bytes = 0;
        for (Entry<String, String> header : headers) {
            bytes += header.getKey().length() + header.getValue().length() + 4;
        }
        return bytes;
    }

    /** Why the request target is not a URL we can read, or null. Query names and values are checked decoded. */
    static String malformedUri(String uri) {
        return plain(uri) ? null : parsedProblem(uri); // plain: nearly every request (a public read's path is letters, digits, '-')
    }

    /** {@link #malformedUri} the long way: parsed as a URI, every component percent-decoded and checked. */
    static String parsedProblem(String uri) {
        try {
            new URI(uri);
        } catch (URISyntaxException e) {
            return "The URL is malformed: " + e.getReason().toLowerCase() + " at position " + e.getIndex();
        }
        int query = uri.indexOf('?');
        String path = query < 0 ? uri : uri.substring(0, query);
        String problem = checkComponent(path, false, "path");
        if (problem == null && query >= 0) {
            for (String pair : uri.substring(query + 1).split("&")) {
                problem = checkComponent(pair, true, "query");
                if (problem != null) {
                    break;
                }
            }
        }
        return problem;
    }

    /** A path of letters, digits, '/' and {@code - . _ ~} only (no query, no escapes): well-formed, with nothing to decode. */
    static boolean plain(String uri) {
        if (uri.isEmpty() || uri.charAt(0) != '/' || uri.startsWith("//")) { // "//host...": an authority, for the parser
            return false;
        }
        for (int i = 1; i < uri.length(); i++) {
            char c = uri.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '/' || c == '-' || c == '.' || c == '_' || c == '~')) {
                return false;
            }
        }
        return true;
    }

    private static String checkComponent(String raw, boolean form, String where) {
        String decoded;
        try {
            decoded = decode(raw, form);
        } catch (IllegalArgumentException e) {
            return "The URL's " + where + " is malformed: " + e.getMessage();
        }
        int bad = SafeText.firstForbidden(decoded);
        return bad < 0 ? null : "The URL's " + where + " " + SafeText.reason(decoded, bad);
    }

    /** Strict percent-decoding: every {@code %} starts two hex digits, the bytes are UTF-8. */
    static String decode(String raw, boolean form) {
        if (raw.indexOf('%') < 0) {
            return form ? raw.replace('+', ' ') : raw;
        }
        ByteBuffer bytes = ByteBuffer.allocate(raw.length() * 3);
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length() || Character.digit(raw.charAt(i + 1), 16) < 0 || Character.digit(raw.charAt(i + 2), 16) < 0) {
                    throw new IllegalArgumentException("'%' must be followed by two hex digits");
                }
                bytes.put((byte) (Character.digit(raw.charAt(i + 1), 16) * 16 + Character.digit(raw.charAt(i + 2), 16)));
                i += 2;
            } else {
                bytes.put(String.valueOf(form && c == '+' ? ' ' : c).getBytes(StandardCharsets.UTF_8));
            }
        }
        bytes.flip();
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes);
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("the escaped bytes are not UTF-8");
        }
    }

    /** Failures that reached the router (not a REST endpoint's own, which its exception mappers answer). */
    private void failed(RoutingContext ctx) {
        HttpServerResponse response = ctx.response();
        if (response.headWritten()) {
            if (!response.ended()) {
                response.reset();
            }
            return;
        }
        // Vert.x Web decodes the path before any route runs: a malformed one fails the routing context itself
        String malformed = malformedUri(ctx.request().uri());
        if (malformed != null) {
            refuse(ctx, ProblemType.BAD_REQUEST, malformed);
            return;
        }
        Throwable failure = ctx.failure();
        int status = ctx.statusCode();
        if (failure instanceof AuthenticationFailedException || failure instanceof AuthenticationCompletionException
                || failure instanceof UnauthorizedException) {
            response.putHeader("WWW-Authenticate", "Bearer");
            refuse(ctx, ProblemType.UNAUTHORIZED, "A valid bearer token is required: expired, wrongly signed or for another audience");
            return;
        }
        if (failure instanceof ForbiddenException) {
            refuse(ctx, ProblemType.FORBIDDEN, "Your role does not allow this");
            return;
        }
        ProblemType type;
        String detail;
        if (status >= 400) {
            if (status == 413) {
                response.putHeader("Connection", "close");
            }
            type = ProblemType.forStatus(status);
            detail = switch (status) {
                case 413 -> "The request body is larger than " + sizeText(uploadPaths.contains(ctx.request().path()) ? maxUpload : maxBody);
                case 404 -> "No resource at " + ctx.request().path();
                case 405 -> "This resource does not accept that method";
                default -> type.title();
            };
        } else {
            respond(ctx, ProblemMappers.unexpectedProblem(failure == null ? new IllegalStateException("routing failed") : failure,
                    ctx.request().path()));
            return;
        }
        if (status == 401) {
            response.putHeader("WWW-Authenticate", "Bearer");
        }
        refuse(ctx, type, detail);
    }

    private static void refuse(RoutingContext ctx, ProblemType type, String detail) {
        respond(ctx, new Problem(type.uri(), type.title(), type.status(), detail, safePath(ctx), List.of(), Map.of()));
    }

    /** Writes a problem answer; also used by routes outside Quarkus REST (the gateway's). */
    public static void respond(RoutingContext ctx, Problem problem) {
        HttpServerResponse response = ctx.response();
        if (problem.status() == 503) {
            response.putHeader("Retry-After", Integer.toString(ProblemMappers.RETRY_AFTER_SECONDS));
        }
        response.setStatusCode(problem.status()).putHeader("Content-Type", Problem.MEDIA_TYPE).end(Json.encode(problem));
    }

    /** The path as received, when it is printable: a problem never echoes what it refused. */
    private static String safePath(RoutingContext ctx) {
        String raw = ctx.request().uri();
        int query = raw.indexOf('?');
        String path = query < 0 ? raw : raw.substring(0, query);
        return path.length() > 200 || malformedUri(path) != null ? null : path;
    }
}
