package vn.lienthong.archive.sign;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Whether the revisions after a PDF's last signature only add validation data (PAdES-BASELINE-LT,
 * ETSI EN 319 142-1 5.4): a /DSS dictionary with its certificates, OCSP responses and CRLs, and the
 * catalog changed only to point to it. Anything else written after the last signature (a page, a
 * font, an annotation) is a change no signature vouches for.
 */
final class ValidationDataRevisions {
    private static final COSName DSS = COSName.getPDFName("DSS");

    private ValidationDataRevisions() {
    }

    /** Empty when every object added or changed after {@code signedEnd} is validation data; else the first other one. */
    static Optional<String> otherChange(PDDocument full, Path file, long signedEnd) throws IOException {
        COSDictionary catalog = full.getDocumentCatalog().getCOSObject();
        COSBase dss = catalog.getDictionaryObject(DSS);
        if (dss == null || !endsWithEof(file)) {
            return Optional.of("bytes after it that are no revision adding validation data");
        }
        // The signed revision alone, as a file of its own: PDFBox cannot parse streams through a view.
        Path revision = java.nio.file.Files.createTempFile(file.toAbsolutePath().getParent(), "signed-revision-", ".pdf");
        try {
            try (java.nio.channels.FileChannel in = java.nio.channels.FileChannel.open(file);
                    java.nio.channels.FileChannel out = java.nio.channels.FileChannel.open(revision,
                            java.nio.file.StandardOpenOption.WRITE)) {
                for (long done = 0; done < signedEnd; ) {
                    done += in.transferTo(done, signedEnd - done, out);
                }
            }
            return otherChange(full, revision, catalog);
        } finally {
            java.nio.file.Files.deleteIfExists(revision);
        }
    }

    private static Optional<String> otherChange(PDDocument full, Path revision, COSDictionary catalog)
            throws IOException {
        Set<COSObjectKey> validationData = new HashSet<>();
        collect(catalog.getItem(DSS), validationData, new HashSet<>());
        try (PDDocument signed = Loader.loadPDF(revision.toFile())) {
            Map<COSObjectKey, Long> before = signed.getDocument().getXrefTable();
            COSDictionary signedCatalog = signed.getDocumentCatalog().getCOSObject();
            for (Map.Entry<COSObjectKey, Long> e : full.getDocument().getXrefTable().entrySet()) {
                Long was = before.get(e.getKey());
                if ((was != null && was.equals(e.getValue())) || validationData.contains(e.getKey())) {
                    continue;
                }
                COSBase now = full.getDocument().getObjectFromPool(e.getKey()).getObject();
                if (now instanceof COSDictionary d && COSName.CATALOG.equals(d.getCOSName(COSName.TYPE))
                        && sameBut(d, signedCatalog, DSS)) {
                    continue;
                }
                if (now instanceof COSDictionary d && COSName.XREF.equals(d.getCOSName(COSName.TYPE))) {
                    continue;
                }
                return Optional.of("object " + e.getKey() + " changed after the last signature");
            }
        }
        return Optional.empty();
    }

    private static boolean endsWithEof(Path file) throws IOException {
        try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(file)) {
            long size = channel.size();
            java.nio.ByteBuffer tail = java.nio.ByteBuffer.allocate((int) Math.min(32, size));
            channel.read(tail, size - tail.capacity());
            return new String(tail.array(), java.nio.charset.StandardCharsets.ISO_8859_1).trim().endsWith("%%EOF");
        }
    }

    private static boolean sameBut(COSDictionary now, COSDictionary before, COSName except) {
        Set<COSName> keys = new HashSet<>(now.keySet());
        keys.addAll(before.keySet());
        keys.remove(except);
        for (COSName key : keys) {
            if (!same(now.getItem(key), before.getItem(key))) {
                return false;
            }
        }
        return true;
    }

    /** Equal without resolving references: an indirect object by its number, a direct one by its content. */
    private static boolean same(COSBase a, COSBase b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a instanceof COSObject oa && b instanceof COSObject ob) {
            return oa.getKey() != null && oa.getKey().equals(ob.getKey());
        }
        if (a instanceof COSArray xa && b instanceof COSArray xb) {
            if (xa.size() != xb.size()) {
                return false;
            }
            for (int i = 0; i < xa.size(); i++) {
                if (!same(xa.get(i), xb.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof COSDictionary da && b instanceof COSDictionary db) {
            return !(a instanceof org.apache.pdfbox.cos.COSStream) && sameBut(da, db, null);
        }
        return a.getClass() == b.getClass() && a.equals(b);
    }

    private static void collect(COSBase item, Set<COSObjectKey> keys, Set<COSBase> seen) {
        if (item == null || !seen.add(item)) {
            return;
        }
        if (item instanceof COSObject o) {
            keys.add(o.getKey());
            collect(o.getObject(), keys, seen);
        } else if (item instanceof COSArray a) {
            for (int i = 0; i < a.size(); i++) {
                collect(a.get(i), keys, seen);
            }
        } else if (item instanceof COSDictionary d) {
            for (COSBase value : d.getValues()) {
                collect(value, keys, seen);
            }
        }
    }
}
