package vn.lienthong.gateway.domain.attachment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class AttachmentTypeTest {

    @Test
    void theFirstBytesDecide() {
        assertEquals(Optional.of(AttachmentType.PDF), AttachmentType.sniff("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(Optional.of(AttachmentType.JPEG),
                AttachmentType.sniff(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0}));
    }

    @Test
    void anythingElseOrTooShortIsNeither() {
        assertTrue(AttachmentType.sniff("%PDF".getBytes(StandardCharsets.US_ASCII)).isEmpty());
        assertTrue(AttachmentType.sniff("PK\u0003\u0004x".getBytes(StandardCharsets.ISO_8859_1)).isEmpty());
        assertTrue(AttachmentType.sniff(new byte[0]).isEmpty());
        assertTrue(AttachmentType.sniff(new byte[] {(byte) 0xFF, (byte) 0xD8}).isEmpty());
    }

    @Test
    void mediaTypesAreMatchedWithoutCase() {
        assertEquals(Optional.of(AttachmentType.PDF), AttachmentType.ofMediaType("Application/PDF"));
        assertTrue(AttachmentType.ofMediaType("application/octet-stream").isEmpty());
    }
}
