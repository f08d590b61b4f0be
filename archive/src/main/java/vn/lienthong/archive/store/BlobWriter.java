package vn.lienthong.archive.store;

import java.io.IOException;
import java.io.OutputStream;

/** Produces the bytes of a blob into the store's temporary file. */
@FunctionalInterface
public interface BlobWriter {
    void writeTo(OutputStream out) throws IOException;
}
