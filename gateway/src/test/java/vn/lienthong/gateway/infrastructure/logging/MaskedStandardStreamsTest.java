package vn.lienthong.gateway.infrastructure.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class MaskedStandardStreamsTest {

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private final PrintStream printed = new PrintStream(new MaskedStandardStreams.MaskingLines(console), true,
            StandardCharsets.UTF_8);

    private String shown() {
        return console.toString(StandardCharsets.UTF_8);
    }

    @Test
    void eachLineIsMaskedAndEveryOtherByteGoesOutAsItCame() {
        printed.println("Hồ sơ của công dân 001190012345, điện thoại 0912345678 — đã nhận");
        new IllegalStateException("citizen 079203001234").printStackTrace(printed);
        String shown = shown();
        assertEquals("Hồ sơ của công dân 0011******45, điện thoại 0912****78 — đã nhận",
                shown.lines().findFirst().orElseThrow());
        assertEquals("java.lang.IllegalStateException: citizen 0792******34", shown.lines().skip(1).findFirst().orElseThrow());
    }

    @Test
    void aNumberPrintedInPiecesIsMaskedWhole() {
        printed.print("id 001190");
        assertEquals("", shown(), "a partial line ending in a digit waits for the rest");
        printed.print("012345 ok");
        assertEquals("id 0011******45 ok", shown(), "a partial line ending otherwise is written at the flush");
        printed.println();
        assertEquals("id 0011******45 ok\n", shown().replace(System.lineSeparator(), "\n"));
    }

    @Test
    void installReplacesTheStandardStreamsAndUninstallPutsThemBack() {
        PrintStream out = System.out;
        PrintStream err = System.err;
        MaskedStandardStreams streams = new MaskedStandardStreams();
        try {
            streams.install();
            assertNotSame(out, System.out);
            assertNotSame(err, System.err);
        } finally {
            streams.uninstall();
        }
        assertSame(out, System.out);
        assertSame(err, System.err);
    }
}
