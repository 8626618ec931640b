package io.newsroom.cms.webhooks.client;

import io.newsroom.cms.webhooks.config.WebhooksConfig;
import io.newsroom.cms.webhooks.domain.AttemptResult;
import io.newsroom.cms.webhooks.domain.DueDelivery;
import io.newsroom.cms.webhooks.domain.WebhookSignature;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
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

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Sends one delivery, signed (Standard Webhooks), with the non-blocking Vert.x HTTP client: connect timeout, a total
 * deadline for the whole attempt, no redirects followed, at most {@code per-endpoint-concurrency} connections per
 * receiver. The target is checked ({@link TargetGuard}) right before, off the event loop (a name lookup may block), and
 * the request goes to the very address that was checked. Never throws: every outcome is an {@link AttemptResult}.
 */
@ApplicationScoped
public class WebhookSender {
    public static final String USER_AGENT = "NewsroomCMS-Webhooks/1";
    /** Bytes of an answer's body read at most; beyond that the connection is dropped (the status is all that counts). */
    private static final int MAX_BODY_READ = 64 * 1024;

    @Inject
    Vertx vertx;

    @Inject
    WebhooksConfig config;

    @Inject
    TargetGuard guard;

    private HttpClient http;
    private ThreadPoolExecutor lookups;

    @PostConstruct
    void start() {
        http = vertx.createHttpClient(new HttpClientOptions()
                .setName("webhooks")
                .setMaxPoolSize(config.perEndpointConcurrency())
                .setMaxWaitQueueSize(-1)
                .setKeepAlive(true)
                .setKeepAliveTimeout(30)
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setIdleTimeout((int) Math.max(1, config.timeout().toSeconds()))
                .setVerifyHost(true)
                .setForceSni(true)
                .setTryUseCompression(false)
                .setMaxRedirects(0));
        // One lookup per request in flight at most (the worker never has more than `concurrency` in flight).
        AtomicInteger n = new AtomicInteger();
        lookups = new ThreadPoolExecutor(0, Math.max(4, config.concurrency()), 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
                r -> {
                    Thread t = new Thread(r, "webhooks-lookup-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.CallerRunsPolicy());
    }

    @PreDestroy
    void stop() {
        lookups.shutdownNow();
        http.close();
    }

    public CompletionStage<AttemptResult> send(DueDelivery delivery) {
        CompletableFuture<AttemptResult> result = new CompletableFuture<>();
        long started = System.nanoTime();
        URI url;
        try {
            url = new URI(delivery.url());
        } catch (URISyntaxException e) {
            result.complete(failure(delivery, null, started, describe(e)));
            return result;
        }
        String host = TargetGuard.host(url);
        if (TargetGuard.isLiteral(host)) {
            approveAndDispatch(delivery, url, host, started, result); // an address: nothing to look up, nothing blocks
        } else {
            lookups.execute(() -> approveAndDispatch(delivery, url, host, started, result));
        }
        return result;
    }

    private void approveAndDispatch(DueDelivery delivery, URI url, String host, long started, CompletableFuture<AttemptResult> result) {
        try {
            InetAddress address;
            try {
                address = guard.approve(host);
            } catch (TargetGuard.Refused refused) {
                result.complete(failure(delivery, null, started, "Refused target: " + refused.getMessage()));
                return;
            }
            dispatch(delivery, url, host, address, started, result);
        } catch (RuntimeException e) {
            result.complete(failure(delivery, null, started, describe(e)));
        }
    }

    private void dispatch(DueDelivery delivery, URI url, String host, InetAddress address, long started,
                          CompletableFuture<AttemptResult> result) {
        boolean https = "https".equalsIgnoreCase(url.getScheme());
        int port = url.getPort() > 0 ? url.getPort() : https ? 443 : 80;
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        String target = url.getRawQuery() == null ? path : path + "?" + url.getRawQuery();
        long timestamp = Instant.now().getEpochSecond();
        byte[] body = delivery.payload().getBytes(StandardCharsets.UTF_8);
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setServer(SocketAddress.inetSocketAddress(port, address.getHostAddress()))
                .setHost(host)
                .setPort(port)
                .setSsl(https)
                .setURI(target)
                .setFollowRedirects(false)
                .setConnectTimeout(config.connectTimeout().toMillis())
                .putHeader("Content-Type", "application/json")
                .putHeader("User-Agent", USER_AGENT)
                .putHeader("webhook-id", delivery.messageId())
                .putHeader("webhook-timestamp", Long.toString(timestamp))
                .putHeader("webhook-signature", WebhookSignature.sign(WebhookSignature.key(delivery.secret()), delivery.messageId(),
                        timestamp, body));
        if (delivery.surrogateKeys() != null) {
            options.putHeader("Surrogate-Key", delivery.surrogateKeys());
        }
        AtomicReference<HttpClientRequest> request = new AtomicReference<>();
        long remaining = Math.max(1, config.timeout().toMillis() - (System.nanoTime() - started) / 1_000_000);
        long timer = vertx.setTimer(remaining, id -> {
            if (result.complete(failure(delivery, null, started, "No answer within " + config.timeout().toMillis() + " ms"))) {
                HttpClientRequest sent = request.get();
                if (sent != null) {
                    sent.reset();
                }
            }
        });
        result.whenComplete((r, e) -> vertx.cancelTimer(timer));
        http.request(options).onComplete(made -> {
            if (made.failed()) {
                result.complete(failure(delivery, null, started, describe(made.cause())));
                return;
            }
            HttpClientRequest req = made.result();
            request.set(req);
            if (result.isDone()) {
                req.reset();
                return;
            }
            req.send(Buffer.buffer(body)).onComplete(answered -> {
                if (answered.failed()) {
                    result.complete(failure(delivery, null, started, describe(answered.cause())));
                } else {
                    read(delivery, req, answered.result(), started, result);
                }
            });
        });
    }

    /** Reads the start of the answer's body (for the error text), then completes with its status. */
    private static void read(DueDelivery delivery, HttpClientRequest request, HttpClientResponse response, long started,
                             CompletableFuture<AttemptResult> result) {
        int status = response.statusCode();
        Buffer head = Buffer.buffer();
        int[] read = {0};
        response.handler(chunk -> {
            read[0] += chunk.length();
            if (head.length() < AttemptResult.MAX_ERROR * 4) {
                head.appendBuffer(chunk.length() > AttemptResult.MAX_ERROR * 4 ? chunk.slice(0, AttemptResult.MAX_ERROR * 4) : chunk);
            }
            if (read[0] > MAX_BODY_READ) {
                complete(delivery, status, response.statusMessage(), head, started, result);
                request.reset();
            }
        });
        response.exceptionHandler(e -> complete(delivery, status, response.statusMessage(), head, started, result));
        response.endHandler(v -> complete(delivery, status, response.statusMessage(), head, started, result));
    }

    private static void complete(DueDelivery delivery, int status, String reason, Buffer head, long started,
                                 CompletableFuture<AttemptResult> result) {
        long duration = elapsed(started);
        if (status >= 200 && status < 300) {
            result.complete(new AttemptResult(delivery, true, status, duration, null, Instant.now()));
            return;
        }
        String text = head.toString(StandardCharsets.UTF_8).replaceAll("[\\p{Cntrl}&&[^\n\t]]", " ").strip();
        String error = "HTTP " + status + (reason == null || reason.isBlank() ? "" : " " + reason) + (text.isEmpty() ? "" : ": " + text);
        result.complete(new AttemptResult(delivery, false, status, duration, error, Instant.now()));
    }

    private static AttemptResult failure(DueDelivery delivery, Integer status, long started, String error) {
        return new AttemptResult(delivery, false, status, elapsed(started), error, Instant.now());
    }

    private static long elapsed(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        String kind = e.getClass().getSimpleName();
        return message == null || message.isBlank() ? kind : kind + ": " + message;
    }
}
