package vn.lienthong.archive.bagit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import vn.lienthong.archive.ArchiveRecord;
import vn.lienthong.archive.RecordVersion;
import vn.lienthong.archive.BadInputException;
import vn.lienthong.archive.IntegrityException;
import vn.lienthong.archive.StorageException;
import vn.lienthong.archive.ledger.Ledger;
import vn.lienthong.archive.ledger.LedgerEvent;
import vn.lienthong.archive.store.BlobStore;
import vn.lienthong.archive.store.Sha256;

/**
 * Writes records as a BagIt 1.0 bag (RFC 8493) for transfer to the state archive: the PDFs as
 * payload, an index of the records, the ledger excerpt that concerns them (with every signed head,
 * so the excerpt's entries can be checked against signed chain positions), and SHA-256 manifests.
 */
public final class BagExporter {
    private final BlobStore store;
    private final Ledger ledger;

    public BagExporter(BlobStore store, Ledger ledger) {
        this.store = store;
        this.ledger = ledger;
    }

    public BagSummary export(List<ArchiveRecord> records, Path bag, LocalDate today) {
        return export(records, Map.of(), bag, today);
    }

    /**
     * As {@link #export(List, Path, LocalDate)}, with every version of each record: the current one as
     * {@code <id>.pdf}, each earlier one as {@code <id>.v<n>.pdf}, one line each in records.tsv.
     */
    public BagSummary export(List<ArchiveRecord> records, Map<String, List<RecordVersion>> versions, Path bag,
            LocalDate today) {
        try {
            if (Files.exists(bag) && (!Files.isDirectory(bag) || !isEmpty(bag))) {
                throw new BadInputException("Bag directory " + bag + " exists and is not empty");
            }
            Path data = Files.createDirectories(bag.resolve("data"));
            Map<String, String> payload = new LinkedHashMap<>();
            long bytes = 0;
            StringBuilder index = new StringBuilder("id\tdossier_code\tdocument_type\tcreated_at\tsha256\tfile\n");
            List<ArchiveRecord> files = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (ArchiveRecord current : records) {
                for (RecordVersion v : versions.getOrDefault(current.id(), List.of())) {
                    if (!v.newest()) {
                        files.add(current.atVersion(v));
                        names.add(current.dossierCode() + "/" + current.id() + ".v" + v.version() + ".pdf");
                    }
                }
                files.add(current);
                names.add(current.dossierCode() + "/" + current.id() + ".pdf");
            }
            for (int i = 0; i < files.size(); i++) {
                ArchiveRecord r = files.get(i);
                String name = names.get(i);
                Path target = data.resolve(name);
                Files.createDirectories(target.getParent());
                String hash = copyHashing(r.blobHash(), target);
                if (!hash.equals(r.blobHash().hex())) {
                    throw new IntegrityException("Record " + r.id() + " (" + name + ") is corrupted in the store;"
                            + " run an audit");
                }
                payload.put("data/" + name, hash);
                bytes += Files.size(target);
                index.append(r.id()).append('\t').append(r.dossierCode()).append('\t').append(r.documentType())
                        .append('\t').append(r.createdAt()).append('\t').append(hash).append('\t').append(name)
                        .append('\n');
            }
            Path indexFile = data.resolve("records.tsv");
            Files.writeString(indexFile, index, StandardCharsets.UTF_8);
            payload.put("data/records.tsv", Sha256.ofBytes(Files.readAllBytes(indexFile)).hex());
            bytes += Files.size(indexFile);

            Set<String> ids = records.stream().map(ArchiveRecord::id).collect(Collectors.toSet());
            List<String> excerpt = new ArrayList<>();
            ledger.forEach(e -> {
                if (ids.contains(e.recordId()) || e.event() == LedgerEvent.HEAD_SIGNED) {
                    excerpt.add(Ledger.line(e));
                }
            });
            Files.write(bag.resolve("ledger-excerpt.log"), excerpt, StandardCharsets.UTF_8);

            Files.writeString(bag.resolve("bagit.txt"), "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n",
                    StandardCharsets.UTF_8);
            Files.writeString(bag.resolve("bag-info.txt"),
                    "Source-Organization: Liên Thông archive\n"
                            + "Bagging-Date: " + today + "\n"
                            + "Payload-Oxum: " + bytes + "." + payload.size() + "\n"
                            + "External-Description: " + records.size() + " archived documents with ledger excerpt\n",
                    StandardCharsets.UTF_8);
            writeManifest(bag.resolve("manifest-sha256.txt"), payload);

            Map<String, String> tags = new LinkedHashMap<>();
            for (String tag : List.of("bagit.txt", "bag-info.txt", "manifest-sha256.txt", "ledger-excerpt.log")) {
                tags.put(tag, Sha256.ofBytes(Files.readAllBytes(bag.resolve(tag))).hex());
            }
            writeManifest(bag.resolve("tagmanifest-sha256.txt"), tags);
            return new BagSummary(bag, payload.size(), bytes, excerpt.size());
        } catch (IOException e) {
            throw new StorageException("Cannot write the bag " + bag + ": " + e.getMessage(), e);
        }
    }

    private String copyHashing(Sha256 blob, Path target) throws IOException {
        MessageDigest digest = Sha256.newDigest();
        try (InputStream in = store.open(blob);
             OutputStream out = new DigestOutputStream(Files.newOutputStream(target), digest)) {
            in.transferTo(out);
        }
        return Sha256.of(digest.digest()).hex();
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (var entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }

    private static void writeManifest(Path file, Map<String, String> entries) throws IOException {
        StringBuilder out = new StringBuilder();
        entries.forEach((path, hash) -> out.append(hash).append("  ").append(path).append('\n'));
        Files.writeString(file, out, StandardCharsets.UTF_8);
    }
}
