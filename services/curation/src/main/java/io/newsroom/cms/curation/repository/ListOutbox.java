package io.newsroom.cms.curation.repository;

import com.mongodb.client.MongoClient;
import io.newsroom.cms.curation.config.CurationConfig;
import io.newsroom.cms.curation.domain.ListEvent;
import io.newsroom.cms.outbox.DocumentOutbox;
import io.newsroom.cms.outbox.OutboxStore;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.bson.Document;

/**
 * The lists' outbox: the events of a change wait in the changed list's own document ({@link DocumentOutbox}), written
 * by the same update as the change ({@link FeaturedListRepository}); the relay ({@code client.EventRelay}) drains them
 * through the {@link OutboxStore} this class provides.
 */
@ApplicationScoped
public class ListOutbox {
    /** The one logical stream of this outbox: the relay sends it to the lists topic. */
    public static final String STREAM = "lists";

    @Inject
    MongoClient mongo;

    @Inject
    CurationConfig config;

    private DocumentOutbox outbox;

    @PostConstruct
    void init() {
        outbox = new DocumentOutbox(mongo.getDatabase(config.database()), FeaturedListRepository.COLLECTION);
    }

    void createIndexes(@Observes StartupEvent event) {
        outbox.createIndexes();
    }

    @Produces
    @Singleton
    OutboxStore store() {
        return outbox;
    }

    /** The outbox element of {@code event}, with its event id. */
    Document event(ListEvent event) {
        return outbox.event(STREAM, event.slug(), event.type(), event.value(), event.headers());
    }
}
