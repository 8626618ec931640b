package io.newsroom.cms.reliability;

import java.util.EnumSet;
import java.util.Set;

/** Who calls: no token, the draft's writer, another writer, an editor, a curator, an admin, the articles service. */
enum Callers {
    ANONYMOUS(null), OWNER("alice"), OTHER_WRITER("bob"), EDITOR("erin"), CURATOR("carl"), ADMIN("root"), SERVICE("articles-service");

    final String user;

    Callers(String user) {
        this.user = user;
    }

    static final Set<Callers> PEOPLE = EnumSet.of(OWNER, OTHER_WRITER, EDITOR, CURATOR, ADMIN);
    static final Set<Callers> EVERYONE = EnumSet.allOf(Callers.class);
    static final Set<Callers> WRITERS_EDITORS_ADMINS = EnumSet.of(OWNER, OTHER_WRITER, EDITOR, ADMIN);
    static final Set<Callers> OWNER_EDITORS_ADMINS = EnumSet.of(OWNER, EDITOR, ADMIN);
    /** Who sees who has a draft open: everyone who reads every article, and the draft's own writer. */
    static final Set<Callers> ARTICLE_WATCHERS = EnumSet.of(OWNER, EDITOR, CURATOR, ADMIN);
    static final Set<Callers> CURATORS_ADMINS = EnumSet.of(CURATOR, ADMIN);
    static final Set<Callers> LIST_READERS = EnumSet.of(EDITOR, CURATOR, ADMIN);
    static final Set<Callers> EDITORS_ADMINS = EnumSet.of(EDITOR, ADMIN);
    static final Set<Callers> ADMINS = EnumSet.of(ADMIN);
    static final Set<Callers> ARTICLES_SERVICE = EnumSet.of(SERVICE);
}
