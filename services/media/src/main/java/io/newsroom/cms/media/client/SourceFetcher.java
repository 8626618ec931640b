package io.newsroom.cms.media.client;

import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.newsroom.cms.common.net.PublicAddresses;
import io.newsroom.cms.media.config.MediaConfig;
import io.newsroom.cms.media.domain.ImportRefused;
import io.newsroom.cms.media.domain.ImportRefused.Reason;
import io.vertx.core.Vertx;
import io.vertx.core.file.AsyncFile;
import io.vertx.core.file.OpenOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.net.ssl.SSLException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Fetches the picture at an address an editor pasted into a file, for the library to take in like an upload. Only
 * {@code http} and {@code https}; every host, the pasted one and each redirect's, is checked by
 * {@link SourceAddresses} and the request goes to the very address that was checked (the host name still goes in the
 * Host header and TLS's SNI, and the certificate must be valid for it). At most {@code max-redirects} redirects, a
 * connect timeout, one deadline for the whole fetch, and the bytes counted as they stream to disk: the fetch stops as
 * soon as they pass the upload limit, so a picture is never held whole in the heap nor a huge one written out.
 *
 * <p>The Vert.x HTTP client does the I/O on the event loop; the caller (a worker thread, as for an upload) waits for
 * it. Every failure is an {@link ImportRefused} in words for the editor, never a 500.
 */
@ApplicationScoped
public class SourceFetcher {
    public static final String USER_AGENT = "NewsroomCMS-Media/1 (picture import)";
    /** The types the library takes, so a server that negotiates sends one of them rather than, say, AVIF. */
    private static final String ACCEPT = "image/webp, image/jpeg, image/png, image/gif;q=0.9, */*;q=0.1";
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    @Inject
    Vertx vertx;

    @Inject
    MediaConfig config;

    @Inject
    SourceAddresses addresses;

    private HttpClient http;

    @PostConstruct
    void start() {
        http = vertx.createHttpClient(new HttpClientOptions()
                .setName("media-imports")
                .setKeepAlive(false) // one fetch, one connection: nothing pooled between sources
                .setMaxPoolSize(16)
                .setMaxWaitQueueSize(-1)
                .setConnectTimeout((int) config.imports().connectTimeout().toMillis())
                .setVerifyHost(true)
                .setForceSni(true)
                .setTryUseCompression(false) // the bytes as they are: they are the picture
                .setMaxRedirects(0));
    }

    @PreDestroy
    void stop() {
        http.close();
    }

    /** A fetched picture: in {@code file}, {@code size} bytes, from {@code url} (where the redirects led). */
    public record Fetched(Path file, long size, URI url) {
    }

    /** One answer of a source: a redirect to follow, or the picture, written to the file. */
    private sealed interface Answer {
    }

    private record Redirect(String location, int status) implements Answer {
    }

    private record Body(long size) implements Answer {
    }

    /** Fetches the picture at {@code pasted} into {@code file} (which the caller made, and deletes). */
    public Fetched fetch(String pasted, Path file) {
        long deadline = System.nanoTime() + config.imports().timeout().toNanos();
        URI url = parse(pasted, null);
        for (int redirects = 0; ; redirects++) {
            String host = PublicAddresses.host(url);
            InetAddress address = addresses.approve(host, deadline);
            Answer answer = exchange(url, host, address, file, deadline);
            if (answer instanceof Body body) {
                if (body.size() == 0) {
                    throw new ImportRefused(Reason.NO_PICTURE, "was answered with nothing: no picture is there");
                }
                return new Fetched(file, body.size(), url);
            }
            Redirect redirect = (Redirect) answer;
            if (redirects >= config.imports().maxRedirects()) {
                throw new ImportRefused(Reason.NO_PICTURE, "redirects more than " + config.imports().maxRedirects()
                        + " times: paste the picture's own address");
            }
            if (redirect.location() == null || redirect.location().isBlank()) {
                throw new ImportRefused(Reason.NO_PICTURE, "was answered with " + status(redirect.status())
                        + " but no address to go to");
            }
            url = parse(redirect.location().strip(), url);
        }
    }

    /** The pasted address (or a redirect's, against the address it came from) if it is one to fetch. */
    static URI parse(String text, URI from) {
        String what = from == null ? "must be" : "redirects to " + shorten(text) + ", which is not";
        URI url;
        try {
            url = from == null ? new URI(text) : base(from).resolve(new URI(text));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new ImportRefused(Reason.NOT_A_URL, what + " a web address that can be read");
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null || url.getHost().isBlank()) {
            throw new ImportRefused(Reason.NOT_A_URL, what + " an http or https address with a host name");
        }
        if (url.getRawUserInfo() != null) {
            throw new ImportRefused(Reason.NOT_A_URL, from == null ? "must not carry a user name or password"
                    : "redirects to an address with a user name or password");
        }
        return url;
    }

    /** java.net.URI resolves against an address without a path as if its host ended in the relative part. */
    private static URI base(URI from) {
        return from.getRawPath() == null || from.getRawPath().isEmpty() ? from.resolve("/") : from;
    }

    private Answer exchange(URI url, String host, InetAddress address, Path file, long deadline) {
        long remaining = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (remaining <= 0) {
            throw timedOut();
        }
        boolean https = url.getScheme().equalsIgnoreCase("https");
        int port = url.getPort() > 0 ? url.getPort() : https ? 443 : 80;
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setServer(SocketAddress.inetSocketAddress(port, address.getHostAddress()))
                .setHost(host)
                .setPort(port)
                .setSsl(https)
                .setURI(url.getRawQuery() == null ? path : path + "?" + url.getRawQuery())
                .setFollowRedirects(false)
                .setConnectTimeout(Math.min(config.imports().connectTimeout().toMillis(), remaining))
                .setIdleTimeout(remaining)
                .putHeader("User-Agent", USER_AGENT)
                .putHeader("Accept", ACCEPT);
        CompletableFuture<Answer> result = new CompletableFuture<>();
        AtomicReference<HttpClientRequest> sent = new AtomicReference<>();
        http.request(options).onComplete(made -> {
            if (made.failed()) {
                result.completeExceptionally(refusal(made.cause(), host, port));
                return;
            }
            HttpClientRequest request = made.result();
            sent.set(request);
            if (result.isDone()) {
                request.reset();
                return;
            }
            request.send().onComplete(answered -> {
                if (answered.failed()) {
                    result.completeExceptionally(refusal(answered.cause(), host, port));
                } else {
                    answer(request, answered.result(), file, result, host, port);
                }
            });
        });
        try {
            return result.get(remaining, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            result.completeExceptionally(timedOut());
            reset(sent.get());
            throw timedOut();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ImportRefused refused) {
                throw refused;
            }
            throw new IllegalStateException("Fetching " + host + " failed on this side", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            reset(sent.get());
            throw timedOut();
        }
    }

    /** A redirect or a refusal from the status; a 2xx's body streamed to the file, counted against the limit. */
    private void answer(HttpClientRequest request, HttpClientResponse response, Path file, CompletableFuture<Answer> result,
                        String host, int port) {
        int status = response.statusCode();
        // a failure of the exchange ends it; once it has ended (a redirect, a refusal), the reset that follows is expected
        response.exceptionHandler(e -> result.completeExceptionally(refusal(e, host, port)));
        if (REDIRECTS.contains(status)) {
            result.complete(new Redirect(response.getHeader("Location"), status));
            request.reset(); // its body is not wanted
            return;
        }
        if (status < 200 || status > 299) {
            result.completeExceptionally(new ImportRefused(Reason.NO_PICTURE, "was answered with " + status(status)
                    + ", not a picture"));
            request.reset();
            return;
        }
        long max = config.maxFileBytes();
        long announced = contentLength(response.getHeader("Content-Length"));
        if (announced > max) {
            result.completeExceptionally(new ImportRefused(Reason.TOO_LARGE, "leads to a file of " + megabytes(announced)
                    + "; the limit is " + megabytes(max)));
            request.reset();
            return;
        }
        response.pause();
        vertx.fileSystem().open(file.toString(), new OpenOptions().setWrite(true).setCreate(true).setTruncateExisting(true))
                .onComplete(opened -> {
                    if (opened.failed()) {
                        result.completeExceptionally(opened.cause());
                        request.reset();
                        return;
                    }
                    AsyncFile out = opened.result();
                    boolean[] closed = {false};
                    Runnable close = () -> {
                        if (!closed[0]) {
                            closed[0] = true;
                            out.close();
                        }
                    };
                    if (result.isDone()) { // timed out meanwhile
                        close.run();
                        return;
                    }
                    long[] received = {0};
                    response.exceptionHandler(e -> {
                        close.run();
                        result.completeExceptionally(refusal(e, host, port));
                    });
                    response.handler(chunk -> {
                        if (result.isDone()) {
                            return;
                        }
                        received[0] += chunk.length();
                        if (received[0] > max) {
                            result.completeExceptionally(new ImportRefused(Reason.TOO_LARGE, "leads to a file larger than "
                                    + megabytes(max) + ", the limit"));
                            close.run();
                            request.reset();
                            return;
                        }
                        out.write(chunk);
                        if (out.writeQueueFull()) {
                            response.pause();
                            out.drainHandler(v -> response.resume());
                        }
                    });
                    response.endHandler(v -> {
                        if (closed[0]) {
                            return; // ended by a refusal already
                        }
                        closed[0] = true;
                        out.close().onComplete(written -> {
                            if (written.failed()) {
                                result.completeExceptionally(written.cause());
                            } else {
                                result.complete(new Body(received[0]));
                            }
                        });
                    });
                    response.resume();
                });
    }

    /** A failure of the connection or the exchange, in words. */
    private ImportRefused refusal(Throwable e, String host, int port) {
        if (e instanceof ImportRefused refused) {
            return refused;
        }
        if (e instanceof ConnectTimeoutException) {
            return new ImportRefused(Reason.TIMEOUT, "cannot be reached: " + host + " did not accept a connection within "
                    + seconds(config.imports().connectTimeout()));
        }
        if (e instanceof TimeoutException) {
            return timedOut();
        }
        if (e instanceof ConnectException) {
            return new ImportRefused(Reason.UNREACHABLE, "cannot be reached: " + host + " refused the connection on port " + port);
        }
        if (e instanceof SSLException) {
            return new ImportRefused(Reason.UNREACHABLE, "cannot be reached securely: the certificate of " + host
                    + " is not valid for it, or the secure connection failed");
        }
        return new ImportRefused(Reason.UNREACHABLE, "cannot be read: the connection to " + host + " broke off before the picture arrived");
    }

    private ImportRefused timedOut() {
        return new ImportRefused(Reason.TIMEOUT, "did not send the picture within " + seconds(config.imports().timeout()));
    }

    private static void reset(HttpClientRequest request) {
        if (request != null) {
            request.reset();
        }
    }

    /** "404 Not Found": the status with its standard reason (the source's own words are not repeated). */
    private static String status(int status) {
        return status + " " + HttpResponseStatus.valueOf(status).reasonPhrase();
    }

    private static long contentLength(String header) {
        try {
            return header == null ? -1 : Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " seconds" : String.format(Locale.ROOT, "%.1f seconds", millis / 1000.0);
    }

    private static String shorten(String text) {
        return text.length() <= 200 ? text : text.substring(0, 199) + "…";
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1_048_576.0);
    }
}
