package vn.lienthong.gateway.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class BodySizeLimitTest {

    @Test
    void aBodyUpToTheLimitReadsWhole() throws IOException {
        AtomicInteger exceeded = new AtomicInteger();
        try (InputStream in = new BodySizeLimit.Limited(new ByteArrayInputStream(new byte[100]), 100, exceeded::incrementAndGet)) {
            assertArrayEquals(new byte[100], in.readAllBytes());
        }
        assertEquals(0, exceeded.get());
    }

    @Test
    void aChunkedBodyOverTheLimitFailsWhileReadingAndLeavesAMark() {
        AtomicInteger exceeded = new AtomicInteger();
        InputStream in = new BodySizeLimit.Limited(new ByteArrayInputStream(new byte[101]), 100, exceeded::incrementAndGet);
        BodySizeLimit.BodyTooLargeException e = assertThrows(BodySizeLimit.BodyTooLargeException.class, in::readAllBytes);
        assertEquals(100, e.limit());
        assertEquals(1, exceeded.get());
        InputStream single = new BodySizeLimit.Limited(new ByteArrayInputStream(new byte[2]), 1, () -> { });
        assertThrows(BodySizeLimit.BodyTooLargeException.class, () -> {
            single.read();
            single.read();
        });
    }
}
