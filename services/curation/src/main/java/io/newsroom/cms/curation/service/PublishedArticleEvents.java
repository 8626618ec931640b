package io.newsroom.cms.curation.service;

import io.newsroom.cms.outbox.EventHeaders;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsroom.cms.curation.client.ArticleViews;
import io.newsroom.cms.curation.client.ArticlesApi.HeroImage;
import io.newsroom.cms.curation.client.ArticlesApi.PublishedSummary;
import io.newsroom.cms.outbox.BrokerLink;
import io.newsroom.cms.outbox.TopicReplay;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Follows the articles service's published-articles topic (compacted, key: article id, value: the public article
 * document, a tombstone when it is taken down) into {@link ArticleViews}, so live lists take new headlines and summaries
 * and drop unpublished articles without asking the articles service on every read. Each replica reads the whole topic
 * from its beginning (a consumer group of its own, as each gateway replica does): its view is its own memory. The view
 * answers only once it is complete: the consumer has reached the end each partition had when it was assigned (the
 * replay), and the broker answers; until then, and whenever the events stop, lists are resolved by asking the service.
 * Idempotent: an article's summary is only replaced by a newer event ({@code cms-event-id} increases per article).
 */
@ApplicationScoped
@Identifier("published-articles")
public class PublishedArticleEvents implements KafkaConsumerRebalanceListener {
    private static final Logger LOG = Logger.getLogger(PublishedArticleEvents.class);

    @Inject
    ArticleViews views;

    @Inject
    ObjectMapper json;

    @Inject
    BrokerLink link;

    private final TopicReplay replay = new TopicReplay();
    private volatile boolean assigned;
    private volatile boolean brokerAnswers;

    @Incoming("published-articles")
    public void apply(ConsumerRecord<String, String> event) {
        UUID id = articleId(event.key());
        if (id != null) {
            follow(id, event);
        } else {
            LOG.warnf("Published-article event at offset %d skipped: its key is no article id", event.offset());
        }
        if (replay.endedBy(event)) {
            LOG.info("Article events: the view holds every article of the topic; following changes");
            update();
        }
    }

    private void follow(UUID id, ConsumerRecord<String, String> event) {
        Long version = EventHeaders.eventId(event);
        try {
            PublishedSummary summary = event.value() == null ? null : summary(id, event.value());
            if (version != null) {
                views.followed(id, version, summary);
                return;
            }
            LOG.warnf("Published-article event %s at offset %d has no event id", id, event.offset());
        } catch (IllegalArgumentException | DateTimeParseException | JsonProcessingException e) {
            LOG.warnf("Published-article event %s at offset %d unreadable: %s", id, event.offset(), e.getMessage());
        }
        views.forget(id); // an event the view cannot place: the articles service is asked about this article again
    }

    /** The summary list items are resolved with, from the public article document (its hero image as readers get it). */
    private PublishedSummary summary(UUID id, String value) throws JsonProcessingException {
        JsonNode article = json.readTree(value);
        JsonNode hero = article.path("heroImage");
        List<String> tags = new ArrayList<>();
        article.path("tags").forEach(tag -> tags.add(tag.asText()));
        List<UUID> byline = new ArrayList<>();
        article.path("authors").forEach(author -> byline.add(UUID.fromString(author.path("id").asText())));
        return new PublishedSummary(id, article.path("slug").asText(), article.path("headline").asText(), text(article, "dek"),
                hero.isObject() ? json.treeToValue(hero, HeroImage.class) : null,
                tags, byline, instant(article, "publishedAt"), instant(article, "updatedAt"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() ? value.asText() : null;
    }

    private static Instant instant(JsonNode node, String field) {
        String value = text(node, field);
        return value == null ? null : Instant.parse(value);
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        replay.assigned(consumer, partitions);
        assigned = !partitions.isEmpty() || assigned;
        brokerAnswers = true;
        update();
    }

    @Override
    public void onPartitionsRevoked(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        lost();
    }

    @Override
    public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        lost();
    }

    private void lost() {
        assigned = false;
        replay.reset();
        update();
    }

    /** Every 2 s: does the broker still answer? (an assignment alone outlives the broker; no partitions, no question) */
    @Scheduled(every = "2s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void checkBroker() {
        brokerAnswers = assigned && link.brokerAnswers();
        update();
    }

    private void update() {
        views.following(assigned && brokerAnswers && replay.over());
    }

    private static UUID articleId(String key) {
        try {
            return key == null ? null : UUID.fromString(key);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
