package vn.lienthong.archive.pdf;

import java.nio.file.Path;
import vn.lienthong.archive.store.Sha256;

/** One original page source as received, with the hash recorded in the XMP. */
public record SourceFile(Path path, PageKind kind, Sha256 sha256, long size, int pages) {
}
