package io.newsroom.cms.devstack;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.MongoVersion;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A mongo-java-server backend that answers every read with whole documents, as real MongoDB does.
 * <p>
 * The library's backends (1.47.0) answer a find with the stored documents themselves, and the answer is encoded after
 * the collection's lock is let go; a write changes a stored document field by field, in place. So a read beside a write
 * could show half of each: an old {@code draft} with a new {@code docRevision}, which let two curators' edits sent
 * with the same If-Match both pass the curation service's compare-and-set, one of them lost (seen in CI). Here every
 * request is handled one at a time and its answer copied before the next one may write.
 * One lock for the whole server: the requests are in-memory work of microseconds, and only the local stack and the
 * tests run this server; production runs real MongoDB.
 */
final class WholeDocumentReads implements MongoBackend {
    private final MongoBackend backend;

    WholeDocumentReads(MongoBackend backend) {
        this.backend = backend;
    }

    @Override
    public synchronized Document handleMessage(MongoMessage message) {
        return copy(backend.handleMessage(message));
    }

    @Override
    public synchronized Document handleCommand(Channel channel, String database, String command, Document query) {
        return copy(backend.handleCommand(channel, database, command, query));
    }

    @Override
    public synchronized QueryResult handleQuery(MongoQuery query) {
        QueryResult result = backend.handleQuery(query);
        List<Document> copies = new ArrayList<>();
        result.forEach(d -> copies.add(copy(d)));
        return new QueryResult(copies, result.getCursorId());
    }

    private static Document copy(Document document) {
        return document == null ? null : document.cloneDeeply();
    }

    @Override
    public synchronized void handleClose(Channel channel) {
        backend.handleClose(channel);
    }

    @Override
    public synchronized void dropDatabase(String database) {
        backend.dropDatabase(database);
    }

    @Override
    public synchronized Collection<Document> getCurrentOperations(MongoQuery query) {
        return backend.getCurrentOperations(query);
    }

    @Override
    public synchronized Document getServerStatus() {
        return copy(backend.getServerStatus());
    }

    @Override
    public synchronized void close() {
        backend.close();
    }

    @Override
    public synchronized void closeCursors(List<Long> cursorIds) {
        backend.closeCursors(cursorIds);
    }

    @Override
    public Clock getClock() {
        return backend.getClock();
    }

    @Override
    public synchronized void enableOplog() {
        backend.enableOplog();
    }

    @Override
    public synchronized void disableOplog() {
        backend.disableOplog();
    }

    @Override
    public synchronized MongoDatabase resolveDatabase(String database) {
        return backend.resolveDatabase(database);
    }

    @Override
    public MongoBackend version(MongoVersion version) {
        backend.version(version);
        return this;
    }
}
