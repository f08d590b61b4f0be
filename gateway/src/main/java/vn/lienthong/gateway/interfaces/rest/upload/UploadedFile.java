package vn.lienthong.gateway.interfaces.rest.upload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** One uploaded file spooled to disk; closing it deletes it. */
public record UploadedFile(Path path, String name, long size) implements AutoCloseable {

    @Override
    public void close() {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete the spooled upload " + path, e);
        }
    }
}
