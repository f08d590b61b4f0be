package vn.lienthong.signing.verify;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;

/** Byte-level facts about a signed revision: its digest, its hole, and what later updates changed. */
final class PdfRevisions {
    private static final int BUFFER = 1 << 20;

    private PdfRevisions() {
    }

    /** Digest of the two signed ranges, read straight from the file (never all in heap). */
    static byte[] digest(FileChannel file, long[] range, String jcaDigest) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance(jcaDigest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IOException("digest " + jcaDigest + " unavailable", e);
        }
        ByteBuffer buffer = ByteBuffer.allocate(BUFFER);
        feed(file, range[0], range[1], md, buffer);
        feed(file, range[2], range[3], md, buffer);
        return md.digest();
    }

    private static void feed(FileChannel file, long from, long length, MessageDigest md, ByteBuffer buffer)
            throws IOException {
        long pos = from;
        long end = from + length;
        while (pos < end) {
            buffer.clear();
            buffer.limit((int) Math.min(buffer.capacity(), end - pos));
            int n = file.read(buffer, pos);
            if (n < 0) {
                throw new IOException("ByteRange runs past the end of the file");
            }
            buffer.flip();
            md.update(buffer);
            pos += n;
        }
    }

    /** The range must be [0, a, b, c] with a '<'…'>' hex hole of /Contents between a and b. */
    static String rangeProblem(FileChannel file, long[] r, long fileLength) throws IOException {
        if (r.length != 4 || r[0] != 0 || r[1] <= 0 || r[2] <= r[1] || r[3] < 0) {
            return "ByteRange is not [0 a b c] with a < b";
        }
        if (r[2] + r[3] > fileLength) {
            return "ByteRange runs past the end of the file";
        }
        ByteBuffer hole = ByteBuffer.allocate((int) Math.min(r[2] - r[1], 4 << 20));
        file.read(hole, r[1]);
        hole.flip();
        if (hole.limit() < 2 || hole.get(0) != '<' || hole.get(hole.limit() - 1) != '>') {
            return "the gap in the ByteRange is not exactly the /Contents string";
        }
        for (int i = 1; i < hole.limit() - 1; i++) {
            byte c = hole.get(i);
            boolean hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            if (!hex) {
                return "the gap in the ByteRange holds more than the /Contents hex string";
            }
        }
        return null;
    }

    /** True when the signed range ends right after a "%%EOF" marker (end of a revision). */
    static boolean endsWithEof(FileChannel file, long end) throws IOException {
        int look = (int) Math.min(32, end);
        ByteBuffer tail = ByteBuffer.allocate(look);
        file.read(tail, end - look);
        String s = new String(tail.array(), 0, tail.position(), StandardCharsets.ISO_8859_1).stripTrailing();
        return s.endsWith("%%EOF");
    }

    /** Objects that updates after {@code revisionEnd} added or changed, classified. */
    static List<Change> changesAfter(PDDocument full, java.nio.file.Path file, long revisionEnd) throws IOException {
        List<Change> changes = new ArrayList<>();
        try (PDDocument old = Loader.loadPDF(new RevisionRead(file, revisionEnd))) {
            Map<COSObjectKey, Long> before = old.getDocument().getXrefTable();
            for (Map.Entry<COSObjectKey, Long> e : full.getDocument().getXrefTable().entrySet()) {
                Long was = before.get(e.getKey());
                if (was != null && was.equals(e.getValue())) {
                    continue;
                }
                COSObject now = full.getDocument().getObjectFromPool(e.getKey());
                COSBase oldValue = was == null ? null : old.getDocument().getObjectFromPool(e.getKey()).getObject();
                Change change = classify(e.getKey(), now.getObject(), oldValue);
                if (change != null) {
                    changes.add(change);
                }
            }
        }
        return changes;
    }

    private static Change classify(COSObjectKey key, COSBase now, COSBase old) {
        String id = key.getNumber() + " " + key.getGeneration() + " R";
        String verb = old == null ? "added " : "changed ";
        if (now instanceof COSStream stream) {
            COSName type = stream.getCOSName(COSName.TYPE);
            if (COSName.XREF.equals(type) || COSName.OBJ_STM.equals(type)) {
                return null;
            }
            if (old == null) {
                return new Change(Change.Kind.APPEARANCE, verb + "stream " + id);
            }
            return new Change(Change.Kind.OTHER, verb + "stream " + id + " (page content, image or font)");
        }
        if (!(now instanceof COSDictionary dict)) {
            return old == null ? new Change(Change.Kind.STRUCTURE, verb + "object " + id)
                    : new Change(Change.Kind.OTHER, verb + "object " + id);
        }
        COSName type = dict.getCOSName(COSName.TYPE);
        COSName subtype = dict.getCOSName(COSName.SUBTYPE);
        COSName ft = dict.getCOSName(COSName.FT);
        if (COSName.SIG.equals(type) || COSName.DOC_TIME_STAMP.equals(type) || COSName.SIG.equals(ft)
                || dict.containsKey(COSName.BYTERANGE)) {
            return new Change(Change.Kind.SIGNATURE, verb + "signature " + id);
        }
        if (ft != null || dict.containsKey(COSName.FIELDS)) {
            return new Change(Change.Kind.FORM_FIELD, verb + "form field " + id);
        }
        if (COSName.ANNOT.equals(type) || (subtype != null && dict.containsKey(COSName.RECT))) {
            return new Change(Change.Kind.ANNOTATION, verb + "annotation " + id);
        }
        if (COSName.CATALOG.equals(type)) {
            return new Change(Change.Kind.STRUCTURE, verb + "catalog " + id);
        }
        if (COSName.PAGE.equals(type)) {
            if (old instanceof COSDictionary oldPage && sameExceptAnnots(dict, oldPage)) {
                return new Change(Change.Kind.STRUCTURE, "annotation list of page " + id);
            }
            return new Change(Change.Kind.OTHER, verb + "page " + id + " (content or resources)");
        }
        if (COSName.FONT.equals(type) || COSName.FONT_DESC.equals(type) || COSName.XOBJECT.equals(type)
                || COSName.ENCODING.equals(type)) {
            return old == null ? new Change(Change.Kind.APPEARANCE, verb + type.getName() + " " + id)
                    : new Change(Change.Kind.OTHER, verb + type.getName() + " " + id);
        }
        return old == null ? new Change(Change.Kind.STRUCTURE, verb + "dictionary " + id)
                : new Change(Change.Kind.OTHER, verb + "dictionary " + id);
    }

    private static boolean sameExceptAnnots(COSDictionary now, COSDictionary old) {
        if (now.size() - (now.containsKey(COSName.ANNOTS) ? 1 : 0)
                != old.size() - (old.containsKey(COSName.ANNOTS) ? 1 : 0)) {
            return false;
        }
        for (Map.Entry<COSName, COSBase> e : now.entrySet()) {
            if (COSName.ANNOTS.equals(e.getKey())) {
                continue;
            }
            if (!same(e.getValue(), old.getItem(e.getKey()), 0)) {
                return false;
            }
        }
        return true;
    }

    private static boolean same(COSBase a, COSBase b, int depth) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a instanceof COSObject ra && b instanceof COSObject rb) {
            return ra.getKey() != null && ra.getKey().equals(rb.getKey());
        }
        if (depth > 4) {
            return false;
        }
        if (a instanceof COSArray xa && b instanceof COSArray xb) {
            if (xa.size() != xb.size()) {
                return false;
            }
            for (int i = 0; i < xa.size(); i++) {
                if (!same(xa.get(i), xb.get(i), depth + 1)) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof COSDictionary da && b instanceof COSDictionary db) {
            if (da.size() != db.size()) {
                return false;
            }
            for (Map.Entry<COSName, COSBase> e : da.entrySet()) {
                if (!same(e.getValue(), db.getItem(e.getKey()), depth + 1)) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }
}
