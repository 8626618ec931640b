package io.newsroom.cms.articles.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsroom.cms.articles.config.PresenceConfig;
import io.newsroom.cms.articles.repository.PresenceTable;
import io.newsroom.cms.articles.repository.PresenceTable.Row;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * This replica's live presence streams (server-sent events). Each second the replica reads the presence rows of the
 * articles its streams watch, one query for all of them, and sends each stream its view when it changed: so a join,
 * take-over or expiry on any replica reaches every stream within about a second, and a change on this replica at once
 * ({@link #refresh}). Polling rather than LISTEN/NOTIFY: nothing is lost while a connection drops, an expiry (no write
 * at all) shows without anyone announcing it, and there is no long-lived listening connection to keep alive.
 */
@ApplicationScoped
public class PresenceFeed {
    private static final Logger LOG = Logger.getLogger(PresenceFeed.class);

    /** One open stream: the article, the caller's tab and name, and what it was last sent. */
    static final class Stream {
        final UUID articleId;
        final UUID session;
        final String username;
        final SseEventSink sink;
        final Sse sse;
        final long openedAt = System.nanoTime();
        String lastSent;
        long lastSentAt = System.nanoTime();

        Stream(UUID articleId, UUID session, String username, SseEventSink sink, Sse sse) {
            this.articleId = articleId;
            this.session = session;
            this.username = username;
            this.sink = sink;
            this.sse = sse;
        }
    }

    private final Set<Stream> streams = ConcurrentHashMap.newKeySet();
    private int ticks;

    @Inject
    PresenceTable table;

    @Inject
    PresenceRegistry registry;

    @Inject
    PresenceConfig config;

    @Inject
    ObjectMapper json;

    /** Starts a stream (the caller's access already checked): it gets the article's presence at once. */
    public void open(UUID articleId, UUID session, String username, SseEventSink sink, Sse sse) {
        streams.add(new Stream(articleId, session, username, sink, sse));
        changed(articleId);
    }

    /**
     * A change on this replica, already committed: the streams watching the article hear of it at once. Best effort: a
     * failure here (a stream closing as it is written to, no database connection free) must not turn the committed
     * change into an error for its caller; the next poll, within a second, sends what this could not.
     */
    public void changed(UUID articleId) {
        try {
            refresh(Set.of(articleId));
        } catch (RuntimeException e) {
            LOG.warnf("Presence of article %s not sent at once (the next poll sends it): %s", articleId, e.toString());
        }
    }

    public int openStreams() {
        return streams.size();
    }

    /** Sends the current presence of these articles to the streams watching them (those whose view changed). */
    public void refresh(Set<UUID> articleIds) {
        if (streams.stream().noneMatch(s -> articleIds.contains(s.articleId))) {
            return;
        }
        List<Row> rows = QuarkusTransaction.requiringNew().call(() -> table.live(articleIds, config.expiry()));
        Map<UUID, List<Row>> byArticle = rows.stream().collect(Collectors.groupingBy(Row::articleId));
        for (Stream stream : streams) {
            if (articleIds.contains(stream.articleId)) {
                send(stream, byArticle.getOrDefault(stream.articleId, List.of()));
            }
        }
    }

    @Scheduled(every = "${cms.articles.presence.poll:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void tick() {
        if (++ticks % 600 == 0) {
            QuarkusTransaction.requiringNew().run(registry::purge);
        }
        long now = System.nanoTime();
        for (Stream stream : streams) {
            if (stream.sink.isClosed()) {
                streams.remove(stream);
            } else if (now - stream.openedAt > config.streamLifetime().toNanos()) {
                close(stream); // the browser reconnects with a fresh token: its access is checked again
            }
        }
        if (streams.isEmpty()) {
            return;
        }
        try {
            refresh(streams.stream().map(s -> s.articleId).collect(Collectors.toSet()));
        } catch (RuntimeException e) {
            LOG.warnf("Presence poll failed (streams keep their last view and catch up on the next one): %s", e.toString());
        }
        for (Stream stream : streams) {
            synchronized (stream) {
                if (System.nanoTime() - stream.lastSentAt >= config.keepAlive().toNanos()) {
                    emit(stream, stream.sse.newEventBuilder().comment("keep-alive").build());
                }
            }
        }
    }

    private void send(Stream stream, List<Row> rows) {
        String view;
        try {
            view = json.writeValueAsString(PresenceViews.of(stream.articleId, rows, stream.session, stream.username));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        synchronized (stream) {
            if (view.equals(stream.lastSent)) {
                return;
            }
            stream.lastSent = view;
            emit(stream, stream.sse.newEventBuilder().name("presence").mediaType(MediaType.TEXT_PLAIN_TYPE)
                    .data(String.class, view).build());
        }
    }

    private void emit(Stream stream, OutboundSseEvent event) {
        if (stream.sink.isClosed()) {
            streams.remove(stream);
            return;
        }
        stream.lastSentAt = System.nanoTime();
        try {
            stream.sink.send(event).whenComplete((ok, failure) -> {
                if (failure != null) {
                    close(stream);
                }
            });
        } catch (RuntimeException e) { // the connection went between isClosed() and send()
            close(stream);
        }
    }

    private void close(Stream stream) {
        streams.remove(stream);
        try {
            stream.sink.close();
        } catch (RuntimeException e) {
            LOG.debugf("Closing a presence stream: %s", e.toString());
        }
    }
}
