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
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
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
        Set<COSObjectKey> validationData = new HashSet<>();
        collect(catalog.getItem(DSS), validationData, new HashSet<>());
        try (RandomAccessReadBufferedFile whole = new RandomAccessReadBufferedFile(file.toFile());
                PDDocument signed = Loader.loadPDF(whole.createView(0, signedEnd))) {
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
            COSBase a = now.getItem(key);
            COSBase b = before.getItem(key);
            if (a instanceof COSObject oa && b instanceof COSObject ob) {
                if (!oa.getKey().equals(ob.getKey())) {
                    return false;
                }
            } else if (a == null || b == null || !a.toString().equals(b.toString())) {
                return false;
            }
        }
        return true;
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
