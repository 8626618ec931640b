package io.newsroom.cms.articles.config;

import io.smallrye.config.ConfigMapping;

import java.util.Optional;

/** Sections ({@code cms.articles.sections.*}). */
@ConfigMapping(prefix = "cms.articles.sections")
public interface SectionsConfig {
    /**
     * The slug of the section a new article starts in when it names none (an editor moves it later); none configured,
     * or no such section, and the new draft has no section until someone picks one (it cannot be submitted without).
     */
    Optional<String> defaultSlug();
}
