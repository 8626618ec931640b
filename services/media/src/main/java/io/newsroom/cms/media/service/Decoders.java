package io.newsroom.cms.media.service;

import io.newsroom.cms.media.config.MediaConfig;
import io.newsroom.cms.media.domain.imaging.ImageDecoder;
import io.newsroom.cms.media.domain.imaging.ImageLimits;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The one decoder of uploads and originals, with the configured pixel limit (it is thread-safe). */
public class Decoders {
    @Produces
    @Singleton
    ImageDecoder decoder(MediaConfig config) {
        return new ImageDecoder(ImageLimits.ofPixels(config.maxPixels()));
    }
}
