package io.newsroom.cms.devstack.testing;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Sends an HTTP request's bytes as they are (a target no HTTP library would send: a bare {@code %}, a NUL, a quote) and
 * reads the whole answer. The request should say {@code Connection: close}: the answer is read until the server closes.
 */
public final class RawHttp {
    private RawHttp() {
    }

    /** The answer of the server on {@code 127.0.0.1:port}, status line, headers and body; a server that never answers fails in 30 s. */
    public static String exchange(int port, String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
