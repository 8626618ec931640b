package io.newsroom.cms.media.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.util.List;

/** Every setting of the media service (application.properties lists them with the local stack's values). */
@ConfigMapping(prefix = "cms.media")
public interface MediaConfig {
    /** The bucket that holds originals ({@code originals/<sha-256>}) and renditions ({@code renditions/...}). */
    String bucket();

    /** Create the bucket at start when it is missing (local stack, tests); in Kubernetes the operator provisions it. */
    @WithName("create-bucket")
    @WithDefault("false")
    boolean createBucket();

    /** The largest file accepted, in bytes (the HTTP body limit allows a little more for the form's fields). */
    @WithName("max-file-bytes")
    @WithDefault("26214400")
    long maxFileBytes();

    /**
     * The most pixels an original may have (width × height, read from its header before anything is decoded): the
     * guard against decompression bombs, a few bytes claiming a picture that would take gigabytes to decode.
     */
    @WithName("max-pixels")
    @WithDefault("50000000")
    long maxPixels();

    /** The widths renditions are made at (never wider than the original). */
    @WithDefault("320,640,1024,1600,2400")
    List<Integer> widths();
}
