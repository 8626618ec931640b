package io.newsroom.cms.media.client;

import io.newsroom.cms.media.domain.ImportRefused;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Which addresses an import fetches, pasted or redirected to (the hosts are checked apart, by SourceAddresses). */
class SourceFetcherTest {
    @ParameterizedTest
    @ValueSource(strings = {"just words", "ftp://img.example/a.jpg", "file:///etc/passwd", "javascript:alert(1)",
            "data:image/png;base64,iVBORw0KGgo=", "//img.example/a.jpg", "/samples/city.jpg", "http:///a.jpg", "http://exa mple.com/"})
    void onlyHttpAndHttpsAddressesWithAHostAreFetched(String pasted) {
        ImportRefused refused = assertThrows(ImportRefused.class, () -> SourceFetcher.parse(pasted, null));
        assertEquals(ImportRefused.Reason.NOT_A_URL, refused.reason());
    }

    @Test
    void credentialsInTheAddressAreRefused() {
        assertThrows(ImportRefused.class, () -> SourceFetcher.parse("https://reporter:secret@img.example/a.jpg", null));
        assertThrows(ImportRefused.class, () -> SourceFetcher.parse("https://reporter@img.example/a.jpg", null));
    }

    @Test
    void redirectsAreReadAgainstTheAddressTheyCameFrom() {
        URI from = URI.create("https://img.example/photos/2026/harbour.jpg?size=large");
        assertEquals(URI.create("https://img.example/photos/2026/big.jpg"), SourceFetcher.parse("big.jpg", from));
        assertEquals(URI.create("https://img.example/cdn/harbour.jpg"), SourceFetcher.parse("/cdn/harbour.jpg", from));
        assertEquals(URI.create("https://cdn.example/harbour.jpg"), SourceFetcher.parse("//cdn.example/harbour.jpg", from));
        assertEquals(URI.create("HTTP://cdn.example/x.jpg"), SourceFetcher.parse("HTTP://cdn.example/x.jpg", from));
        // an address without a path: java.net.URI would glue the relative part to the host
        assertEquals(URI.create("https://img.example/a.jpg"), SourceFetcher.parse("a.jpg", URI.create("https://img.example")));
        ImportRefused away = assertThrows(ImportRefused.class, () -> SourceFetcher.parse("gopher://img.example/", from));
        assertEquals("redirects to gopher://img.example/, which is not an http or https address with a host name", away.getMessage());
    }
}
