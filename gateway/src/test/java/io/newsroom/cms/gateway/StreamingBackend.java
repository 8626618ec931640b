package io.newsroom.cms.gateway;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * The articles service as a live stream: every call gets its head and a first event at once, then one more piece every
 * {@link #GAP_MILLIS} (longer than the tests' 1 s request timeout), four pieces in all, then the end. WireMock cannot
 * do this (its dribble holds back the head too). Its faults, chosen by the call's {@code session}: {@value #CUT} dies
 * after the first event (the connection dropped mid-stream, as a killed service's is), {@value #SILENT} sends the
 * first event and then nothing for {@link #SILENCE_MILLIS} (a frozen service).
 */
public class StreamingBackend implements QuarkusTestResourceLifecycleManager {
    static final long GAP_MILLIS = 1_300;
    static final String CUT = "cut";
    static final String SILENT = "silent";
    static final long SILENCE_MILLIS = 10_000;
    static final List<String> PIECES = List.of("event: presence\ndata: {\"people\":[]}\n\n", ": keep-alive\n\n",
            "event: presence\ndata: {\"people\":[1]}\n\n", ": keep-alive\n\n");
    /** The Authorization header of every call, in order. */
    static final List<String> AUTHORIZATIONS = new CopyOnWriteArrayList<>();

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            AUTHORIZATIONS.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            String query = String.valueOf(exchange.getRequestURI().getQuery());
            boolean silent = query.contains("session=" + SILENT);
            if (silent || query.contains("session=" + CUT)) {
                OutputStream out = exchange.getResponseBody();
                try {
                    out.write(PIECES.get(0).getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    if (silent) {
                        Thread.sleep(SILENCE_MILLIS);
                        return;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (IOException e) {
                    return;
                }
                // a handler that throws makes the server drop the connection without ending the chunked body
                throw new IllegalStateException("the service died mid-stream");
            }
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < PIECES.size(); i++) {
                    if (i > 0) {
                        Thread.sleep(GAP_MILLIS);
                    }
                    out.write(PIECES.get(i).getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                // the gateway hung up: fine
            }
        });
        server.start();
        return Map.of("cms.gateway.services.articles", "http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
