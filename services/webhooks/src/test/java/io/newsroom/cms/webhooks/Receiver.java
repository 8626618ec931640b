package io.newsroom.cms.webhooks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * A webhook receiver for the tests: a real HTTP server on a free port that answers each call with the status its
 * behaviour says (by call number), or hangs, and checks every signature itself, with its own HMAC-SHA256 (not the
 * service's code), as a receiver following the Standard Webhooks specification would.
 */
final class Receiver implements AutoCloseable {
    record Received(String id, String timestamp, String signature, String surrogateKey, String contentType, String userAgent,
                    String body, boolean signatureValid, long receivedAtNanos) {
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final IntUnaryOperator status;
    private final CountDownLatch release = new CountDownLatch(1);
    private final boolean hang;
    private final AtomicInteger calls = new AtomicInteger();
    final List<Received> received = new CopyOnWriteArrayList<>();
    volatile String secret;

    private Receiver(IntUnaryOperator status, boolean hang) throws IOException {
        this.status = status;
        this.hang = hang;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 100);
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    /** Answers 200 every time. */
    static Receiver ok() throws IOException {
        return new Receiver(call -> 200, false);
    }

    /** Answers with {@code status.applyAsInt(n)} to the n-th call (1-based). */
    static Receiver answering(IntUnaryOperator status) throws IOException {
        return new Receiver(status, false);
    }

    /** Never answers (until closed). */
    static Receiver hanging() throws IOException {
        return new Receiver(call -> 200, true);
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/in?source=cms";
    }

    int port() {
        return server.getAddress().getPort();
    }

    int calls() {
        return calls.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            byte[] body = exchange.getRequestBody().readAllBytes();
            int call = calls.incrementAndGet();
            var h = exchange.getRequestHeaders();
            String text = new String(body, StandardCharsets.UTF_8);
            received.add(new Received(h.getFirst("webhook-id"), h.getFirst("webhook-timestamp"), h.getFirst("webhook-signature"),
                    h.getFirst("Surrogate-Key"), h.getFirst("Content-Type"), h.getFirst("User-Agent"), text,
                    verify(secret, h.getFirst("webhook-id"), h.getFirst("webhook-timestamp"), body, h.getFirst("webhook-signature")),
                    System.nanoTime()));
            if (hang) {
                release.await(30, TimeUnit.SECONDS);
            }
            byte[] answer = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status.applyAsInt(call), answer.length);
            exchange.getResponseBody().write(answer);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException ignored) {
            // the sender gave up on us (a timeout): nothing to answer
        } finally {
            exchange.close();
        }
    }

    /**
     * The receiver's side of the Standard Webhooks scheme, written here independently of the service:
     * {@code v1,base64(HMAC-SHA256(base64decode(secret without "whsec_"), id + "." + timestamp + "." + body))}, the
     * timestamp within five minutes of now.
     */
    static boolean verify(String secret, String id, String timestamp, byte[] body, String signatureHeader) {
        if (secret == null || id == null || timestamp == null || signatureHeader == null) {
            return false;
        }
        try {
            long seconds = Long.parseLong(timestamp);
            if (Math.abs(System.currentTimeMillis() / 1000 - seconds) > 300) {
                return false;
            }
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            byte[] expected = mac.doFinal(body);
            for (String candidate : signatureHeader.split(" ")) {
                if (candidate.startsWith("v1,")
                        && MessageDigest.isEqual(expected, Base64.getDecoder().decode(candidate.substring(3)))) {
                    return true;
                }
            }
            return false;
        } catch (Exception e) {
            return false;
        }
    }

    /** The requests received with webhook-id {@code id}. */
    List<Received> withId(String id) {
        List<Received> found = new ArrayList<>();
        for (Received r : received) {
            if (id.equals(r.id())) {
                found.add(r);
            }
        }
        return found;
    }

    /** Waits (polling, {@code within} at most) until {@code done} holds for what was received; what was received. */
    List<Received> await(Duration within, Predicate<List<Received>> done) {
        long deadline = System.nanoTime() + within.toNanos();
        while (!done.test(received)) {
            if (System.nanoTime() > deadline) {
                fail("The receiver did not get what was expected within " + within + "; it got " + received.size() + ": " + received);
            }
            sleep(10);
        }
        return received;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}
