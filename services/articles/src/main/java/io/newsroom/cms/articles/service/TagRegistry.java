package io.newsroom.cms.articles.service;

import io.newsroom.cms.articles.domain.Tag;
import io.newsroom.cms.articles.repository.NameLocks;
import io.newsroom.cms.articles.repository.TagQueries;
import io.newsroom.cms.common.content.Slugs;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The registry side of an article's save: every tag an article is saved with names a managed tag. A name the registry
 * knows stays; one whose slug is a tag's current or former slug becomes that tag's name (so "K8s" typed after "k8s"
 * was merged into "kubernetes" is saved as "kubernetes"); any other is registered as a new tag, its slug derived from
 * the name. Articles keep carrying tags by name, as their API and the read model always did: nothing a client sends
 * or reads changes shape, and filters by name keep working.
 *
 * <p>Locks: the caller holds the article's row lock; the tags looked up are share-locked (a rename or merge that holds
 * one is waited for), and registering takes the registry's advisory lock last, the order {@link TagEditing} takes them
 * in too (articles, tag rows, registry).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class TagRegistry {
    static final String LOCK = "registry";
    private static final Logger LOG = Logger.getLogger(TagRegistry.class);

    @Inject
    TagQueries queries;

    @Inject
    NameLocks names;

    /** The names the article is saved with: each a managed tag's, in the order given, each once. */
    public List<String> resolve(List<String> tags) {
        LinkedHashSet<String> resolved = new LinkedHashSet<>();
        for (String name : tags) {
            resolved.add(resolve(name));
        }
        return new ArrayList<>(resolved);
    }

    private String resolve(String name) {
        String slug = Slugs.from(name);
        Optional<String> known = queries.lockedName(name, slug);
        if (known.isPresent()) {
            return known.get();
        }
        names.lock("tags", LOCK);
        // another save may have registered it while this one waited
        return queries.lockedName(name, slug).orElseGet(() -> register(name, slug));
    }

    private String register(String name, String slug) {
        Tag tag = new Tag();
        tag.id = UUID.randomUUID();
        tag.name = name;
        tag.slug = Slugs.firstFree(slug, queries::taken);
        tag.createdAt = Articles.now();
        tag.updatedAt = tag.createdAt;
        tag.persist();
        tag.flush();
        return name;
    }

    /**
     * Registers the tags articles carry that the registry lacks (those from before it, and any a restore of old data
     * brings back), each under its own name: two names with one slug ("cloud computing", "cloud-computing") become two
     * tags, the second with a numbered slug, for an editor to merge. Idempotent; replicas starting together wait for
     * each other. The number registered.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int backfill() {
        if (queries.unregistered().isEmpty()) {
            return 0;
        }
        names.lock("tags", LOCK);
        List<String> missing = queries.unregistered();
        missing.forEach(name -> register(name, Slugs.from(name)));
        return missing.size();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    void onStart(@Observes StartupEvent start) {
        int registered = backfill();
        if (registered > 0) {
            LOG.infof("Tags: %d registered from the articles' tags", registered);
        }
    }
}
