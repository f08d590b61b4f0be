package vn.lienthong.gateway.infrastructure.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.filter.Filter;
import org.apache.pdfbox.filter.FilterFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import vn.lienthong.gateway.domain.document.UnverifiableDocumentException;

/** The decoding budget: per stream, in total, only on the thread that has one. */
class PdfDecodeLimitsTest {

    private static final byte[] EIGHT_MIB = HostilePdfs.deflatedZeros(8);

    @BeforeAll
    static void install() {
        PdfDecodeLimits.install();
        PdfDecodeLimits.install(); // idempotent: wrapping twice would count every byte twice
    }

    private static long inflate(byte[] deflated) {
        try {
            Filter flate = FilterFactory.INSTANCE.getFilter(COSName.FLATE_DECODE);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            flate.decode(new ByteArrayInputStream(deflated), out, new COSDictionary(), 0);
            return out.size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void withoutABudgetDecodingIsUntouched() {
        assertEquals(8L << 20, inflate(EIGHT_MIB));
    }

    @Test
    void theTotalCapsManyStreamsThatAreEachWithinTheirLimit() {
        assertEquals(16L << 20, PdfDecodeLimits.within(10L << 20, 20L << 20,
                () -> inflate(EIGHT_MIB) + inflate(EIGHT_MIB)));
        UnverifiableDocumentException e = assertThrows(UnverifiableDocumentException.class,
                () -> PdfDecodeLimits.within(10L << 20, 20L << 20,
                        () -> inflate(EIGHT_MIB) + inflate(EIGHT_MIB) + inflate(EIGHT_MIB)));
        assertTrue(e.english().contains("more than 20971520 bytes in total"), e::english);
    }

    @Test
    void aSwallowedFailureStillRefusesTheDocument() {
        // PDFBox often catches an IOException and carries on leniently; the budget remembers.
        UnverifiableDocumentException e = assertThrows(UnverifiableDocumentException.class,
                () -> PdfDecodeLimits.within(1L << 20, 1L << 20, () -> {
                    try {
                        return inflate(EIGHT_MIB);
                    } catch (UncheckedIOException swallowed) {
                        return -1L;
                    }
                }));
        assertTrue(e.english().contains("one stream decompresses to more than 1048576 bytes"), e::english);
        assertEquals(0, PdfDecodeLimits.decodedOnThisThread(), "the budget ends with the work");
    }

    @Test
    void anInterruptedThreadStopsDecoding() {
        Thread.currentThread().interrupt();
        try {
            assertThrows(UncheckedIOException.class,
                    () -> PdfDecodeLimits.within(64L << 20, 64L << 20, () -> inflate(EIGHT_MIB)));
        } finally {
            Thread.interrupted();
        }
    }
}
