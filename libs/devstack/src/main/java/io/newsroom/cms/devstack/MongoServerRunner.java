package io.newsroom.cms.devstack;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A MongoDB wire-protocol server in this JVM (no real mongod can be installed here). Memory backend for tests,
 * H2 file backend for the local stack so data survives restarts. Services connect with the real MongoDB driver. Both
 * answer reads with whole documents, as real MongoDB does ({@link WholeDocumentReads}).
 */
public final class MongoServerRunner implements AutoCloseable {
    private final MongoServer server;
    private final InetSocketAddress address;

    private MongoServerRunner(MongoServer server, InetSocketAddress address) {
        this.server = server;
        this.address = address;
    }

    public static MongoServerRunner inMemory() {
        return inMemory(0);
    }

    public static MongoServerRunner inMemory(int port) {
        MongoServer server = new MongoServer(new WholeDocumentReads(new MemoryBackend()));
        server.bind("127.0.0.1", port);
        return new MongoServerRunner(server, server.getLocalAddress());
    }

    public static MongoServerRunner persistent(Path file, int port) {
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        MongoServer server = new MongoServer(new WholeDocumentReads(new H2Backend(file.toString())));
        server.bind("127.0.0.1", port);
        return new MongoServerRunner(server, server.getLocalAddress());
    }

    public String connectionString() {
        return "mongodb://127.0.0.1:" + address.getPort();
    }

    @Override
    public void close() {
        server.shutdownNow();
    }
}
