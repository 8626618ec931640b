/**
 * What readers get: curation's read model is the live version kept in each list's document (written when a list is
 * published, found by its slug, an indexed lookup), resolved per read against the articles' published summaries
 * (followed from the published-articles topic, or asked from the articles service) by
 * {@link io.newsroom.cms.curation.published.ListResolver}.
 */
package io.newsroom.cms.curation.published;
