package io.newsroom.cms.media.service;

import io.newsroom.cms.media.api.MediaRecords.MediaImport;
import io.newsroom.cms.media.api.MediaRecords.Uploaded;
import io.newsroom.cms.media.client.SourceFetcher;
import io.newsroom.cms.media.domain.UploadName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Takes a picture into the library from the address an editor pasted: fetched to a temporary file
 * ({@link SourceFetcher}: public addresses only, the upload's size limit counted while it streams), then exactly an
 * upload ({@link MediaUploads}: type from the bytes, pixel limit, the same bytes answering the item already there,
 * renditions without metadata). The pasted address is kept as the item's source. The file is gone afterwards whatever
 * happened, and a refused picture leaves nothing stored.
 */
@ApplicationScoped
public class MediaImports {
    /** The name an item gets when its address names no file that could be kept as it is. */
    static final String UNNAMED = "imported-picture";

    @Inject
    SourceFetcher fetcher;

    @Inject
    MediaUploads uploads;

    public Uploaded importFrom(MediaImport request, String user) {
        Path file = temporaryFile();
        try {
            SourceFetcher.Fetched fetched = fetcher.fetch(request.url().strip(), file);
            return uploads.upload(new MediaUploads.Upload(fetched.file(), filename(fetched.url()), fetched.size(),
                    request.description(), user));
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                file.toFile().deleteOnExit();
            }
        }
    }

    /**
     * The file name editors see for an imported picture: the last part of the address it came from (after redirects),
     * when that is a plain file name ({@link UploadName}), else {@value #UNNAMED}.
     */
    static String filename(URI url) {
        String path = url.getPath() == null ? "" : url.getPath();
        String last = path.substring(path.lastIndexOf('/') + 1).strip();
        if (last.length() > UploadName.MAX) {
            last = last.substring(last.length() - UploadName.MAX); // the end keeps the extension
        }
        return UploadName.problem(last).isEmpty() ? last : UNNAMED;
    }

    private static Path temporaryFile() {
        try {
            return Files.createTempFile("media-import-", ".part");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
