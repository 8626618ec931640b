package io.newsroom.cms.media.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.time.Duration;
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

    /**
     * The width of the made-up 4:3 picture the renditions are warmed up on at start (0: no warm-up). A camera's size
     * (4000) leaves the heap grown and the code compiled as the first real upload needs them; it costs about 2 s of CPU
     * at every start, so the tests' JVMs use a smaller one.
     */
    @WithName("warm-up-width")
    @WithDefault("4000")
    int warmUpWidth();

    /** Pictures imported from an address an editor pasted ({@code POST /media/imports}). */
    Imports imports();

    interface Imports {
        /**
         * Let sources be on loopback, private, link-local and CGNAT addresses (the local stack and the tests, where the
         * pictures are served from this machine). Off in production: the service would otherwise fetch whatever an
         * editor names inside its own network (SSRF). Unspecified, multicast and cloud metadata addresses are refused
         * either way.
         */
        @WithName("allow-private-sources")
        @WithDefault("false")
        boolean allowPrivateSources();

        /** How long connecting to a source may take. */
        @WithName("connect-timeout")
        @WithDefault("3s")
        Duration connectTimeout();

        /**
         * How long the whole fetch may take: name lookups, every redirect, the picture's bytes. Below the gateway's
         * {@code cms.gateway.timeout} (10 s), which gives up on a service that sends nothing for that long: an import
         * that took longer would reach the editor as a failure while the picture still went into the library.
         */
        @WithDefault("8s")
        Duration timeout();

        /** Redirects followed at most, each target checked like the first address. */
        @WithName("max-redirects")
        @WithDefault("3")
        int maxRedirects();
    }
}
