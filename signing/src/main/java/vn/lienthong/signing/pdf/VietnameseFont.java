package vn.lienthong.signing.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.Map;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSDocument;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import vn.lienthong.signing.SignatureCreationException;

/**
 * DejaVu Sans subset once per JVM to the letters Vietnamese is written in (ASCII, Latin-1,
 * Ă Đ Ĩ Ũ Ơ Ư, the Latin Extended Additional block of the tones, and the punctuation, arrows and
 * currency signs papers print), kept as COS objects with the
 * stream bytes already compressed. A document copies them instead of parsing and subsetting the font
 * again (a sixth of a paper's CPU when each stamp was a template PDF of its own, a quarter of the
 * rendering when the page text was subset at save): the archive's text pages are written in it, and a
 * stamp refers to the copy its page or an earlier stamp holds. Text with a letter outside this set goes
 * the per-document subset way ({@link StampAppearance}, the archive's text builder).
 */
public final class VietnameseFont {
    private static final String FONT = "/vn/lienthong/signing/pdf/DejaVuSans.ttf";
    private static final HexFormat HEX = HexFormat.of().withUpperCase();
    private static volatile VietnameseFont loaded;

    /** The font dictionary, streams turned into dictionaries whose bytes are in {@link #payloads}. */
    private final COSDictionary frozen;
    private final Map<COSDictionary, byte[]> payloads;
    /** The subset's tagged name, how a stamp recognises the copy an earlier revision holds. */
    private final String baseFont;
    /**
     * By code point (the set ends at U+1EF9): the CID (the glyph id in the full font, as PDFBox's subset
     * keeps them), 0 for a letter outside the set. Arrays, not maps: the text builder measures every word.
     */
    private final char[] cids;
    /** Advance widths in thousandths of the font size, by code point. */
    private final float[] widths;

    private VietnameseFont(COSDictionary frozen, Map<COSDictionary, byte[]> payloads, String baseFont,
            char[] cids, float[] widths) {
        this.frozen = frozen;
        this.payloads = payloads;
        this.baseFont = baseFont;
        this.cids = cids;
        this.widths = widths;
    }

    /** The JVM's one copy, subset on first use. */
    public static VietnameseFont get() {
        VietnameseFont font = loaded;
        if (font == null) {
            synchronized (VietnameseFont.class) {
                font = loaded;
                if (font == null) {
                    font = build();
                    loaded = font;
                }
            }
        }
        return font;
    }

    /** Whether every letter of {@code text} is in the set. */
    public boolean covers(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (!covers(text.charAt(i))) {
                return false; // a surrogate too: no letter of the set is outside the BMP
            }
        }
        return true;
    }

    /** Whether the letter {@code codePoint} is in the set. */
    public boolean covers(int codePoint) {
        return codePoint >= 0 && codePoint < cids.length && cids[codePoint] != 0;
    }

    /** The advance width of {@code text} in thousandths of the font size (no kerning); every letter covered. */
    public float width(String text) {
        float sum = 0;
        for (int i = 0; i < text.length(); i++) {
            sum += widths[text.charAt(i)];
        }
        return sum;
    }

    /** The string operand of {@code Tj} for {@code text}, two bytes per letter (Identity-H); every letter covered. */
    public String hex(String text) {
        StringBuilder out = new StringBuilder(2 + text.length() * 4).append('<');
        for (int i = 0; i < text.length(); i++) {
            out.append(HEX.toHexDigits(cids[text.charAt(i)]));
        }
        return out.append('>').toString();
    }

    /**
     * The font dictionary for a stamp in {@code doc}: the one an earlier stamp of the same document
     * wrote when {@code earlier} is it, otherwise a fresh copy.
     */
    COSBase in(PDDocument doc, COSBase earlier) {
        if (earlier instanceof COSObject && isThis(earlier)) {
            return earlier;
        }
        return thaw(frozen, doc.getDocument());
    }

    /** A fresh copy of the font dictionary (and its streams) in {@code doc}, to be shared by its pages. */
    public COSDictionary copyInto(PDDocument doc) {
        return (COSDictionary) thaw(frozen, doc.getDocument());
    }

    /** Whether {@code font} (a font dictionary or a reference to one) is a copy of this font. */
    public boolean isThis(COSBase font) {
        COSBase object = font instanceof COSObject reference ? reference.getObject() : font;
        return object instanceof COSDictionary dict && baseFont.equals(dict.getNameAsString(COSName.BASE_FONT));
    }

    private static VietnameseFont build() {
        try (InputStream in = VietnameseFont.class.getResourceAsStream(FONT); PDDocument scratch = new PDDocument()) {
            if (in == null) {
                throw new SignatureCreationException("Stamp font " + FONT + " missing from the jar");
            }
            TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(in));
            ttf.setEnableGsub(false);
            CmapLookup cmap = ttf.getUnicodeCmapLookup();
            float scale = 1000f / ttf.getUnitsPerEm();
            PDType0Font font = PDType0Font.load(scratch, ttf, true);
            int[] repertoire = repertoire();
            int end = java.util.Arrays.stream(repertoire).max().orElse(0) + 1;
            char[] cids = new char[end];
            float[] widths = new float[end];
            for (int cp : repertoire) {
                int gid = cmap.getGlyphId(cp);
                if (gid > 0) {
                    font.addToSubset(cp);
                    cids[cp] = (char) gid;
                    widths[cp] = ttf.getAdvanceWidth(gid) * scale;
                }
            }
            font.subset();
            Map<COSDictionary, byte[]> payloads = new IdentityHashMap<>();
            COSDictionary frozen = (COSDictionary) freeze(font.getCOSObject(), payloads);
            return new VietnameseFont(frozen, payloads, font.getName(), cids, widths);
        } catch (IOException e) {
            throw new SignatureCreationException("Cannot subset the stamp font " + FONT + ": " + e.getMessage(), e);
        }
    }

    private static int[] repertoire() {
        StringBuilder letters = new StringBuilder();
        for (int cp = 0x20; cp <= 0x7E; cp++) {
            letters.appendCodePoint(cp);
        }
        for (int cp = 0xA0; cp <= 0xFF; cp++) {
            letters.appendCodePoint(cp);
        }
        letters.append("ĂăĐđĨĩŨũƠơƯư");
        for (int cp = 0x1EA0; cp <= 0x1EF9; cp++) {
            letters.appendCodePoint(cp);
        }
        // What official papers print besides letters: dashes (the "———" under every heading), quotes,
        // ellipsis, bullets, arrows (a handover "A → B"), the đồng and euro signs, №, the minus sign.
        for (int cp = 0x2010; cp <= 0x2027; cp++) {
            letters.appendCodePoint(cp);
        }
        letters.append("‰′″‹›₫€№←↑→↓↔−");
        return letters.codePoints().toArray();
    }

    /** A copy owning no stream of the scratch document: each stream's raw (compressed) bytes go to payloads. */
    private static COSBase freeze(COSBase base, Map<COSDictionary, byte[]> payloads) throws IOException {
        COSBase object = base instanceof COSObject reference ? reference.getObject() : base;
        if (object instanceof COSStream stream) {
            COSDictionary copy = copyEntries(stream, payloads);
            copy.removeItem(COSName.LENGTH);
            try (InputStream raw = stream.createRawInputStream()) {
                payloads.put(copy, raw.readAllBytes());
            }
            return copy;
        }
        if (object instanceof COSDictionary dict) {
            return copyEntries(dict, payloads);
        }
        if (object instanceof COSArray array) {
            COSArray copy = new COSArray();
            for (int i = 0; i < array.size(); i++) {
                copy.add(freeze(array.get(i), payloads));
            }
            return copy;
        }
        return object;
    }

    private static COSDictionary copyEntries(COSDictionary dict, Map<COSDictionary, byte[]> payloads)
            throws IOException {
        COSDictionary copy = new COSDictionary();
        for (Map.Entry<COSName, COSBase> entry : dict.entrySet()) {
            copy.setItem(entry.getKey(), freeze(entry.getValue(), payloads));
        }
        return copy;
    }

    /** Fresh objects of {@code target} from the frozen tree; shared read-only by concurrent stamps. */
    private COSBase thaw(COSBase frozenObject, COSDocument target) {
        if (frozenObject instanceof COSDictionary dict) {
            byte[] payload = payloads.get(dict);
            COSDictionary copy = payload == null ? new COSDictionary() : target.createCOSStream();
            for (Map.Entry<COSName, COSBase> entry : dict.entrySet()) {
                copy.setItem(entry.getKey(), thaw(entry.getValue(), target));
            }
            if (payload != null) {
                try (OutputStream raw = ((COSStream) copy).createRawOutputStream()) {
                    raw.write(payload);
                } catch (IOException e) {
                    throw new SignatureCreationException("Cannot copy the stamp font: " + e.getMessage(), e);
                }
            }
            return copy;
        }
        if (frozenObject instanceof COSArray array) {
            COSArray copy = new COSArray();
            for (int i = 0; i < array.size(); i++) {
                copy.add(thaw(array.get(i), target));
            }
            return copy;
        }
        if (frozenObject instanceof COSString string) {
            return new COSString(string.getBytes());
        }
        return frozenObject;
    }
}
