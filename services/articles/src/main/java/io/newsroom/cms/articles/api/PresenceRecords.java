package io.newsroom.cms.articles.api;

import jakarta.validation.constraints.NotNull;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Who has an article open, and who holds its edit lock (issue 20: presence and soft locks). */
public final class PresenceRecords {
    private PresenceRecords() {
    }

    /** {@code EDITING} holds the article's soft lock (one session at a time); {@code VIEWING} only shows the person. */
    public enum PresenceMode {
        EDITING, VIEWING
    }

    /** A tab's join or heartbeat (every 15 s; a session unseen for 40 s is gone). */
    public record PresenceRequest(@NotNull PresenceMode mode) {
    }

    /** One person with the article open: {@code since} is when they began editing (EDITING) or opened it (VIEWING). */
    public record Person(String username, String displayName, PresenceMode mode, Instant since, boolean you) {
    }

    /** The caller's own session: its mode now, and who took the lock from it, if someone did. */
    public record YourSession(PresenceMode mode, String takenOverBy, String takenOverByName, Instant takenOverAt) {
    }

    /**
     * The article's presence: the lock holder ({@code editor}, null when nobody edits), everyone with it open (one entry
     * per tab), and the caller's session when the call named one that is alive.
     */
    public record PresenceView(UUID articleId, Person editor, List<Person> people, YourSession you) {
    }
}
