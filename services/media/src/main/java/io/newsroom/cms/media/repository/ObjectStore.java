package io.newsroom.cms.media.repository;

import io.newsroom.cms.media.config.MediaConfig;
import io.newsroom.cms.media.domain.StoreUnavailable;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The bucket of originals and renditions, through the AWS SDK's S3 client (any S3-compatible store: S3Mock locally,
 * S3 or a compatible service in production). Keys are content-addressed, so an object is written once and never
 * changed. A store that cannot be reached is a {@link StoreUnavailable}, which the REST layer answers with 503.
 */
@ApplicationScoped
public class ObjectStore {
    private static final Logger LOG = Logger.getLogger(ObjectStore.class);

    @Inject
    S3Client s3;

    @Inject
    MediaConfig config;

    void createBucket(@Observes StartupEvent start) {
        if (!config.createBucket()) {
            return;
        }
        try {
            s3.headBucket(b -> b.bucket(config.bucket()));
        } catch (NoSuchBucketException missing) {
            s3.createBucket(b -> b.bucket(config.bucket()));
            LOG.infof("Created the bucket %s", config.bucket());
        } catch (SdkException e) {
            // not fatal: the store may come up later; uploads answer 503 until it does
            LOG.warnf("Could not check the bucket %s: %s", config.bucket(), e.getMessage());
        }
    }

    public void put(String key, Path file, String contentType) {
        try {
            s3.putObject(b -> b.bucket(config.bucket()).key(key).contentType(contentType), RequestBody.fromFile(file));
        } catch (SdkException e) {
            throw unavailable(key, e);
        }
    }

    public void put(String key, byte[] bytes, String contentType) {
        try {
            s3.putObject(b -> b.bucket(config.bucket()).key(key).contentType(contentType), RequestBody.fromBytes(bytes));
        } catch (SdkException e) {
            throw unavailable(key, e);
        }
    }

    /** The object's bytes, or empty when there is none under {@code key}. */
    public Optional<byte[]> get(String key) {
        try {
            return Optional.of(s3.getObjectAsBytes(b -> b.bucket(config.bucket()).key(key)).asByteArray());
        } catch (NoSuchKeyException missing) {
            return Optional.empty();
        } catch (SdkException e) {
            throw unavailable(key, e);
        }
    }

    /** Downloads the object to {@code file} (which must not exist yet); false when there is none under {@code key}. */
    public boolean download(String key, Path file) {
        try {
            s3.getObject(b -> b.bucket(config.bucket()).key(key), file);
            return true;
        } catch (NoSuchKeyException missing) {
            return false;
        } catch (SdkException e) {
            throw unavailable(key, e);
        }
    }

    public void delete(String key) {
        try {
            s3.deleteObject(b -> b.bucket(config.bucket()).key(key));
        } catch (SdkException e) {
            throw unavailable(key, e);
        }
    }

    /** Deletes every object whose key starts with {@code prefix} (not empty: an item's renditions). */
    public void deletePrefix(String prefix) {
        if (prefix.isEmpty()) {
            throw new IllegalArgumentException("an empty prefix would delete the whole bucket");
        }
        try {
            s3.listObjectsV2Paginator(b -> b.bucket(config.bucket()).prefix(prefix)).contents()
                    .forEach(object -> s3.deleteObject(b -> b.bucket(config.bucket()).key(object.key())));
        } catch (SdkException e) {
            throw unavailable(prefix, e);
        }
    }

    /** Can the store be reached (readiness)? */
    public boolean reachable() {
        try {
            s3.headBucket(b -> b.bucket(config.bucket()));
            return true;
        } catch (SdkException e) {
            return false;
        }
    }

    private static StoreUnavailable unavailable(String key, SdkException e) {
        return new StoreUnavailable("Object storage failed on " + key + ": " + e.getMessage(), e);
    }
}
