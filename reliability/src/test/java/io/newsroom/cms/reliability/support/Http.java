package io.newsroom.cms.reliability.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;

/** The suite's HTTP: java.net.http for requests a client library can send, a raw socket for those it cannot. */
public final class Http {
    public static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();

    private Http() {
    }

    /** One request: method, absolute URL, headers, body (null: none). */
    public record Call(String method, String url, Map<String, String> headers, String body) {
        public Call {
            headers = headers == null ? Map.of() : Map.copyOf(headers);
        }

        public Call with(String header, String value) {
            Map<String, String> h = new LinkedHashMap<>(headers);
            h.put(header, value);
            return new Call(method, url, h, body);
        }

        @Override
        public String toString() {
            String shown = body == null ? "" : " " + (body.length() > 300 ? body.substring(0, 300) + "…(" + body.length() + " chars)" : body);
            Map<String, String> h = new LinkedHashMap<>(headers);
            h.computeIfPresent("Authorization", (k, v) -> v.length() > 20 ? v.substring(0, 20) + "…" : v);
            return method + " " + (url.length() > 300 ? url.substring(0, 300) + "…" : url) + " " + h + shown;
        }
    }

    /** An answer: status, headers (lower-case names), body. {@code status} -1: no answer at all (connection failed). */
    public record Answer(int status, Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public boolean isProblem() {
            String type = header("content-type");
            return type != null && type.startsWith("application/problem+json");
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON: " + body, e);
            }
        }

        @Override
        public String toString() {
            return status + " " + headers.getOrDefault("content-type", "") + " " + (body.length() > 400 ? body.substring(0, 400) + "…" : body);
        }
    }

    /** How long a live stream (server-sent events) is read before the suite takes what came and hangs up. */
    private static final long STREAM_READ_MILLIS = 5_000;

    /**
     * Every answer read whole, except a live stream (text/event-stream, e.g. an article's presence): it never ends by
     * itself, so its first event is the answer (or what came within {@link #STREAM_READ_MILLIS}) and the suite hangs up.
     */
    private static final HttpResponse.BodyHandler<String> BODY = info ->
            info.headers().firstValue("content-type").orElse("").toLowerCase(Locale.ROOT).startsWith("text/event-stream")
                    ? new FirstEvent() : HttpResponse.BodySubscribers.ofString(StandardCharsets.UTF_8);

    /** Whether {@code text} (a stream's bytes so far) holds a whole event with data. */
    private static boolean hasEvent(String text) {
        int data = text.indexOf("data:");
        return data >= 0 && (text.indexOf("\n\n", data) >= 0 || text.indexOf("\r\n\r\n", data) >= 0);
    }

    /** Reads a live stream up to its first event, then cancels it (closing the connection). */
    private static final class FirstEvent implements HttpResponse.BodySubscriber<String> {
        private final CompletableFuture<String> result = new CompletableFuture<>();
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private Flow.Subscription subscription;

        @Override
        public CompletionStage<String> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(Long.MAX_VALUE);
            CompletableFuture.delayedExecutor(STREAM_READ_MILLIS, TimeUnit.MILLISECONDS).execute(this::done);
        }

        @Override
        public synchronized void onNext(List<ByteBuffer> items) {
            for (ByteBuffer item : items) {
                byte[] chunk = new byte[item.remaining()];
                item.get(chunk);
                bytes.writeBytes(chunk);
            }
            if (hasEvent(bytes.toString(StandardCharsets.UTF_8))) {
                done();
            }
        }

        @Override
        public void onError(Throwable throwable) {
            done();
        }

        @Override
        public void onComplete() {
            done();
        }

        private synchronized void done() {
            if (result.complete(bytes.toString(StandardCharsets.UTF_8)) && subscription != null) {
                subscription.cancel();
            }
        }
    }

    public static Answer send(Call call) {
        try {
            return sendAsync(call).join();
        } catch (RuntimeException e) {
            return new Answer(-1, Map.of(), String.valueOf(e.getCause() == null ? e : e.getCause()));
        }
    }

    /** Sends all, at most {@code parallel} at a time; the answers in the order of the calls. */
    public static List<Answer> sendAll(List<Call> calls, int parallel) {
        java.util.concurrent.Semaphore permits = new java.util.concurrent.Semaphore(parallel);
        List<CompletableFuture<Answer>> answers = new java.util.ArrayList<>();
        for (Call call : calls) {
            permits.acquireUninterruptibly();
            answers.add(sendAsync(call).whenComplete((a, e) -> permits.release()));
        }
        return answers.stream().map(CompletableFuture::join).toList();
    }

    /** A request with a binary body (an upload) as it is: {@code headers} name its type. */
    public static Answer sendBytes(String method, String url, Map<String, String> headers, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        return CLIENT.sendAsync(request.build(), BODY).thenApply(Http::answer)
                .exceptionally(e -> new Answer(-1, Map.of(), String.valueOf(e.getCause() == null ? e : e.getCause()))).join();
    }

    private static Answer answer(HttpResponse<String> r) {
        Map<String, String> headers = new LinkedHashMap<>();
        r.headers().map().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), String.join(",", v)));
        return new Answer(r.statusCode(), headers, r.body());
    }

    public static CompletableFuture<Answer> sendAsync(Call call) {
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(URI.create(call.url())).timeout(Duration.ofSeconds(30));
            call.headers().forEach(request::header);
        } catch (IllegalArgumentException e) {
            // a URL or header java.net.http refuses to send: over the wire as it is
            return CompletableFuture.supplyAsync(() -> raw(call));
        }
        request.method(call.method(), call.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(call.body()));
        return CLIENT.sendAsync(request.build(), BODY).thenApply(Http::answer).exceptionally(e -> new Answer(-1, Map.of(), String.valueOf(e.getCause() == null ? e : e.getCause())));
    }

    /** Writes the request bytes as given (any request line, any header) and reads the answer. */
    public static Answer raw(Call call) {
        URI base = URI.create(call.url().substring(0, call.url().indexOf('/', 8)));
        String target = call.url().substring(call.url().indexOf('/', 8));
        StringBuilder request = new StringBuilder(call.method()).append(' ').append(target).append(" HTTP/1.1\r\n")
                .append("Host: ").append(base.getHost()).append(':').append(base.getPort()).append("\r\nConnection: close\r\n");
        call.headers().forEach((k, v) -> request.append(k).append(": ").append(v).append("\r\n"));
        byte[] body = call.body() == null ? new byte[0] : call.body().getBytes(StandardCharsets.UTF_8);
        if (call.body() != null) {
            request.append("Content-Length: ").append(body.length).append("\r\n");
        }
        request.append("\r\n");
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().write(body);
            return parse(readAnswer(socket.getInputStream()));
        } catch (IOException e) {
            return new Answer(-1, Map.of(), e.toString());
        }
    }

    /** The answer's bytes: all of them, or of a live stream those up to its first event (within the stream time). */
    private static byte[] readAnswer(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(STREAM_READ_MILLIS);
        for (int n; (n = in.read(buffer)) >= 0; ) {
            bytes.write(buffer, 0, n);
            String text = bytes.toString(StandardCharsets.ISO_8859_1);
            int head = text.indexOf("\r\n\r\n");
            if (head > 0 && text.substring(0, head).toLowerCase(Locale.ROOT).contains("content-type: text/event-stream")
                    && (hasEvent(text.substring(head + 4)) || System.nanoTime() > deadline)) {
                break;
            }
        }
        return bytes.toByteArray();
    }

    private static Answer parse(byte[] answer) {
        // ISO-8859-1 maps each byte to one char: chunk sizes (in bytes) stay right; the body is decoded as UTF-8 last
        String text = new String(answer, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (!text.startsWith("HTTP/") || end < 0) {
            return new Answer(-1, Map.of(), "unreadable answer: " + text);
        }
        List<String> lines = List.of(text.substring(0, end).split("\r\n"));
        int status = Integer.parseInt(lines.get(0).split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.merge(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim(), (a, b) -> a + "," + b);
            }
        }
        String body = text.substring(end + 4);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = dechunk(body);
        }
        return new Answer(status, headers, new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
    }

    private static String dechunk(String chunked) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (at < chunked.length()) {
            int lineEnd = chunked.indexOf("\r\n", at);
            if (lineEnd < 0) {
                break;
            }
            int size = Integer.parseInt(chunked.substring(at, lineEnd).split(";")[0].trim(), 16);
            if (size == 0) {
                break;
            }
            out.append(chunked, lineEnd + 2, Math.min(chunked.length(), lineEnd + 2 + size));
            at = lineEnd + 2 + size + 2;
        }
        return out.toString();
    }

    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
