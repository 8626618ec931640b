package io.newsroom.cms.gateway.domain;

/** What a reader gets: the answer, whether it is the last good one served while a service is down, and its age. */
public record ServedAnswer(CachedAnswer answer, boolean stale, long ageSeconds) {
}
