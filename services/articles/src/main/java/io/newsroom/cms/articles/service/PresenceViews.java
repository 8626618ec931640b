package io.newsroom.cms.articles.service;

import io.newsroom.cms.articles.api.PresenceRecords.Person;
import io.newsroom.cms.articles.api.PresenceRecords.PresenceMode;
import io.newsroom.cms.articles.api.PresenceRecords.PresenceView;
import io.newsroom.cms.articles.api.PresenceRecords.YourSession;
import io.newsroom.cms.articles.repository.PresenceTable.Row;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Turns an article's live presence rows into what one caller sees (their own tab marked "you"). */
public final class PresenceViews {
    private PresenceViews() {
    }

    /** {@code rows}: the article's live rows; {@code session}: the caller's tab, or null. */
    public static PresenceView of(UUID articleId, List<Row> rows, UUID session, String username) {
        Person editor = null;
        List<Person> people = new ArrayList<>();
        YourSession you = null;
        for (Row row : rows) {
            boolean mine = row.sessionId().equals(session) && row.username().equals(username);
            Person person = new Person(row.username(), row.displayName(), PresenceMode.valueOf(row.mode()),
                    row.editing() ? row.editingSince() : row.joinedAt(), mine);
            if (row.editing()) {
                editor = person;
                people.add(0, person);
            } else {
                people.add(person);
            }
            if (mine) {
                you = new YourSession(person.mode(), row.takenOverBy(), row.takenOverByName(), row.takenOverAt());
            }
        }
        return new PresenceView(articleId, editor, List.copyOf(people), you);
    }
}
