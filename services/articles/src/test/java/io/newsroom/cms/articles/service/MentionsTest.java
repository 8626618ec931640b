package io.newsroom.cms.articles.service;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MentionsTest {
    private static List<String> of(String text) {
        return List.copyOf(Mentions.in(text));
    }

    @Test
    void namesAreFoundOnceInLowerCaseWithoutTrailingPunctuation() {
        assertEquals(List.of("alice", "root"), of("@alice please look. @Alice again, and @root."));
        assertEquals(List.of("jane.doe", "bob"), of("(@jane.doe) and @bob-"));
        assertEquals(List.of("erin"), of("@erin: the second paragraph"));
    }

    @Test
    void emailAddressesAndLoneAtSignsAreNotMentions() {
        assertEquals(List.of(), of("write to erin@example.com or @ or @@ or .@x"));
        assertEquals(List.of(), of(null));
        assertEquals(List.of(), of(""));
    }

    @Test
    void atMostTwentyPeoplePerComment() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            text.append("@user").append(i).append(' ');
        }
        assertEquals(Mentions.MAX, Mentions.in(text.toString()).size());
    }
}
