package io.newsroom.cms.gateway.domain;

/** A picture rendition as the media service sent it: its bytes, type and ETag. */
public record Picture(byte[] bytes, String contentType, String etag) {
}
