package vn.lienthong.archive.store;

/** The outcome of writing a blob: its address, its size, and whether it was new. */
public record StoredBlob(Sha256 hash, long size, boolean created) {
}
