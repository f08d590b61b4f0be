package vn.lienthong.gateway.interfaces.rest.upload;

import java.util.List;

/** The file parts of one multipart upload, spooled to disk in order; closing deletes them all. */
public record UploadedFiles(List<UploadedFile> files) implements AutoCloseable {

    public UploadedFiles {
        files = List.copyOf(files);
    }

    @Override
    public void close() {
        for (UploadedFile file : files) {
            file.close();
        }
    }
}
