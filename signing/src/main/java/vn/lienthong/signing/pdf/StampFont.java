package vn.lienthong.signing.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.HashMap;
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
 * DejaVu Sans subset once per JVM to the letters a Vietnamese stamp is written in (ASCII, Latin-1,
 * Ă Đ Ĩ Ũ Ơ Ư and the Latin Extended Additional block of the tones), kept as COS objects with the
 * stream bytes already compressed. A stamp copies them into its document instead of parsing and
 * subsetting the font again (a sixth of a paper's CPU when each stamp was a template PDF of its own);
 * the second stamp of a paper refers to the copy the first one wrote. Text with a letter outside this
 * set goes the template way ({@link StampAppearance}).
 */
final class StampFont {
    private static final String FONT = "/vn/lienthong/signing/pdf/DejaVuSans.ttf";
    private static final HexFormat HEX = HexFormat.of().withUpperCase();
    private static volatile StampFont loaded;

    /** The font dictionary, streams turned into dictionaries whose bytes are in {@link #payloads}. */
    private final COSDictionary frozen;
    private final Map<COSDictionary, byte[]> payloads;
    /** The subset's tagged name, how a stamp recognises the copy an earlier revision holds. */
    private final String baseFont;
    /** The CID (the glyph id in the full font, as PDFBox's subset keeps them) of each code point. */
    private final Map<Integer, Integer> cids;
    /** Advance widths in thousandths of the font size. */
    private final Map<Integer, Float> widths;

    private StampFont(COSDictionary frozen, Map<COSDictionary, byte[]> payloads, String baseFont,
            Map<Integer, Integer> cids, Map<Integer, Float> widths) {
        this.frozen = frozen;
        this.payloads = payloads;
        this.baseFont = baseFont;
        this.cids = cids;
        this.widths = widths;
    }

    static StampFont get() {
        StampFont font = loaded;
        if (font == null) {
            synchronized (StampFont.class) {
                font = loaded;
                if (font == null) {
                    font = build();
                    loaded = font;
                }
            }
        }
        return font;
    }

    boolean covers(String text) {
        return text.codePoints().allMatch(cids::containsKey);
    }

    float width(String text) {
        float sum = 0;
        for (int cp : text.codePoints().toArray()) {
            sum += widths.get(cp);
        }
        return sum;
    }

    /** The string operand of {@code Tj} for {@code text}, two bytes per letter (Identity-H). */
    String hex(String text) {
        StringBuilder out = new StringBuilder(2 + text.length() * 4).append('<');
        text.codePoints().forEach(cp -> out.append(HEX.toHexDigits(cids.get(cp).shortValue())));
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

    boolean isThis(COSBase font) {
        COSBase object = font instanceof COSObject reference ? reference.getObject() : font;
        return object instanceof COSDictionary dict && baseFont.equals(dict.getNameAsString(COSName.BASE_FONT));
    }

    private static StampFont build() {
        try (InputStream in = StampFont.class.getResourceAsStream(FONT); PDDocument scratch = new PDDocument()) {
            if (in == null) {
                throw new SignatureCreationException("Stamp font " + FONT + " missing from the jar");
            }
            TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(in));
            ttf.setEnableGsub(false);
            CmapLookup cmap = ttf.getUnicodeCmapLookup();
            float scale = 1000f / ttf.getUnitsPerEm();
            PDType0Font font = PDType0Font.load(scratch, ttf, true);
            Map<Integer, Integer> cids = new HashMap<>();
            Map<Integer, Float> widths = new HashMap<>();
            for (int cp : repertoire()) {
                int gid = cmap.getGlyphId(cp);
                if (gid > 0) {
                    font.addToSubset(cp);
                    cids.put(cp, gid);
                    widths.put(cp, ttf.getAdvanceWidth(gid) * scale);
                }
            }
            font.subset();
            Map<COSDictionary, byte[]> payloads = new IdentityHashMap<>();
            COSDictionary frozen = (COSDictionary) freeze(font.getCOSObject(), payloads);
            return new StampFont(frozen, payloads, font.getName(), Map.copyOf(cids), Map.copyOf(widths));
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
