package io.newsroom.cms.articles.rest;

import io.newsroom.cms.articles.service.ArticleWorkflow.Actor;
import io.newsroom.cms.common.Roles;
import io.quarkus.security.identity.SecurityIdentity;

import java.util.List;
import java.util.stream.Collectors;

/** The caller of a request as the workflow sees them: their name and newsroom roles. */
final class Callers {
    /** The newsroom roles an embargo may name (a token's other roles, Keycloak's defaults, open nothing). */
    private static final List<String> NEWSROOM_ROLES = List.of(Roles.WRITER, Roles.EDITOR, Roles.CURATOR, Roles.ADMIN);

    private Callers() {
    }

    static Actor actor(SecurityIdentity identity) {
        return new Actor(identity.getPrincipal().getName(), identity.hasRole(Roles.WRITER),
                identity.hasRole(Roles.EDITOR) || identity.hasRole(Roles.ADMIN),
                NEWSROOM_ROLES.stream().filter(identity::hasRole).collect(Collectors.toUnmodifiableSet()));
    }
}
