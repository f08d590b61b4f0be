package vn.lienthong.archive.bagit;

import java.nio.file.Path;

/** A written BagIt bag: where, how many payload files and bytes, how many ledger entries in the excerpt. */
public record BagSummary(Path directory, int payloadFiles, long payloadBytes, int ledgerEntries) {
}
