package io.newsroom.cms.media.service;

import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The name editors see for an imported picture. */
class MediaImportsTest {
    @Test
    void theNameIsTheLastPartOfTheAddressWhenItIsAPlainFileName() {
        assertEquals("harbour at dusk.jpg", MediaImports.filename(URI.create("https://img.example/photos/harbour%20at%20dusk.jpg?w=2000")));
        assertEquals("a.jpg", MediaImports.filename(URI.create("https://img.example/x%2Fa.jpg")));
        assertEquals("imported-picture", MediaImports.filename(URI.create("https://img.example/")));
        assertEquals("imported-picture", MediaImports.filename(URI.create("https://img.example")));
        assertEquals("imported-picture", MediaImports.filename(URI.create("https://img.example/photos/.hidden")));
        assertEquals("imported-picture", MediaImports.filename(URI.create("https://img.example/a%0Ab.jpg")));
        String longName = "x".repeat(300) + ".jpg";
        assertEquals(200, MediaImports.filename(URI.create("https://img.example/" + longName)).length());
        assertEquals(true, MediaImports.filename(URI.create("https://img.example/" + longName)).endsWith(".jpg"));
    }
}
