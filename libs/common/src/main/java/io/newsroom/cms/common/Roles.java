package io.newsroom.cms.common;

/** Keycloak realm roles of the `cms` realm; see ARCHITECTURE.md "Roles". */
public final class Roles {
    public static final String WRITER = "writer";
    public static final String EDITOR = "editor";
    public static final String CURATOR = "curator";
    public static final String ADMIN = "admin";
    /** The articles service's own account (client credentials of client {@code cms-articles}), never a person's. */
    public static final String ARTICLES_SERVICE = "articles-service";
    /** The authors service's own account (client {@code cms-authors}): avatar pictures' usage. */
    public static final String AUTHORS_SERVICE = "authors-service";
    /** The curation service's own account (client {@code cms-curation}): list items' pictures' usage. */
    public static final String CURATION_SERVICE = "curation-service";

    private Roles() {
    }
}
