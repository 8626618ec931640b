package io.newsroom.cms.media;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static io.newsroom.cms.media.Pictures.picture;

/**
 * A website with pictures on this machine (the JDK's own HTTP server on 127.0.0.1), for imports to fetch from: a
 * picture, redirects, pages that are no picture, a 404, a file that never ends, one that never comes.
 */
final class PictureSource implements AutoCloseable {
    /** Over the 25 MB an upload may be. */
    static final long OVERSIZE = 25L * 1024 * 1024 + 64 * 1024;

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "picture-source");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, byte[]> pictures = new ConcurrentHashMap<>();

    PictureSource() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(threads);
        // /pictures/<name>: a picture put there by the test, with a type that need not be true
        server.createContext("/pictures/", exchange -> {
            byte[] bytes = pictures.get(exchange.getRequestURI().getPath().substring("/pictures/".length()));
            if (bytes == null) {
                send(exchange, 404, "text/html", "<h1>Not here</h1>".getBytes(StandardCharsets.UTF_8));
            } else {
                send(exchange, 200, "image/jpeg", bytes);
            }
        });
        // /redirect/<n>/<to>: n redirects, then to /<to> on this server; /redirect/away?to=<url>: one redirect to url
        server.createContext("/redirect/", exchange -> {
            String rest = exchange.getRequestURI().getPath().substring("/redirect/".length());
            String location;
            if (rest.equals("away")) {
                location = exchange.getRequestURI().getRawQuery().substring("to=".length());
            } else {
                int slash = rest.indexOf('/');
                int n = Integer.parseInt(rest.substring(0, slash));
                String to = rest.substring(slash + 1);
                location = n <= 1 ? "/" + to : "/redirect/" + (n - 1) + "/" + to; // relative, as servers often send them
            }
            exchange.getResponseHeaders().add("Location", location);
            send(exchange, n(rest) % 2 == 0 ? 301 : 302, "text/plain", new byte[0]);
        });
        server.createContext("/page.html", exchange -> send(exchange, 200, "text/html",
                "<!doctype html><title>A page</title><p>No picture here</p>".getBytes(StandardCharsets.UTF_8)));
        server.createContext("/empty.jpg", exchange -> send(exchange, 200, "image/jpeg", new byte[0]));
        server.createContext("/broken", exchange -> send(exchange, 500, "text/plain", "broken".getBytes(StandardCharsets.UTF_8)));
        // a JPEG's start, then zeros, streamed without a length: the size shows only while it comes
        server.createContext("/endless.jpg", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "image/jpeg");
            exchange.sendResponseHeaders(200, 0); // chunked
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(picture("jpg", 64, 64, 7));
                byte[] zeros = new byte[64 * 1024];
                for (long sent = 0; sent < OVERSIZE; sent += zeros.length) {
                    out.write(zeros);
                }
            } catch (IOException gone) {
                // the importer hung up once it had enough: as it should
            }
        });
        // a length announced over the limit: refused before any byte is read
        server.createContext("/announced.jpg", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "image/jpeg");
            exchange.sendResponseHeaders(200, OVERSIZE);
            try (OutputStream out = exchange.getResponseBody()) {
                byte[] start = picture("jpg", 64, 64, 8);
                out.write(start);
                byte[] zeros = new byte[64 * 1024];
                for (long sent = start.length; sent < OVERSIZE; sent += zeros.length) {
                    out.write(zeros, 0, (int) Math.min(zeros.length, OVERSIZE - sent));
                }
            } catch (IOException gone) {
                // refused on its header
            }
        });
        // a source killed mid-write: the whole picture's length announced, a third of it sent, the connection dropped
        server.createContext("/cut.jpg", exchange -> {
            byte[] whole = picture("jpg", 800, 600, 10);
            exchange.getResponseHeaders().add("Content-Type", "image/jpeg");
            exchange.sendResponseHeaders(200, whole.length);
            OutputStream out = exchange.getResponseBody();
            out.write(whole, 0, whole.length / 3);
            out.flush();
            exchange.close(); // fewer bytes than announced: the server drops the connection
        });
        // a source that answers, then never sends the picture
        server.createContext("/slow.jpg", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "image/jpeg");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(picture("jpg", 64, 64, 9), 0, 100);
                out.flush();
                Thread.sleep(30_000);
            } catch (IOException | InterruptedException gone) {
                // the importer gave up
            }
        });
        server.start();
    }

    private static int n(String rest) {
        int slash = rest.indexOf('/');
        return slash < 0 ? 1 : Integer.parseInt(rest.substring(0, slash));
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** Serves {@code bytes} at {@code /pictures/<name>}. */
    PictureSource put(String name, byte[] bytes) {
        pictures.put(name, bytes);
        return this;
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** The address of {@code path} on this source, by the host given ({@code 127.0.0.1}, {@code localhost}, ...). */
    String url(String host, String path) {
        return "http://" + host + ":" + port() + path;
    }

    String url(String path) {
        return url("127.0.0.1", path);
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
