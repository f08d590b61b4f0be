package vn.lienthong.gateway.infrastructure.logging;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import vn.lienthong.gateway.domain.dossier.PersonalDataMask;

/**
 * Masks what is printed to {@code System.out} and {@code System.err} line by line: Payara Micro
 * does not route them through its log handlers, and a library's stack trace written to standard error, or a
 * stray {@code println} lands in the same console or file as the log. The server's console
 * handler keeps the stream it was built with and is masked as a handler.
 */
final class MaskedStandardStreams {

    private PrintStream originalOut;
    private PrintStream originalErr;
    private PrintStream maskedOut;
    private PrintStream maskedErr;

    synchronized void install() {
        if (maskedOut != null) {
            return;
        }
        originalOut = System.out;
        originalErr = System.err;
        maskedOut = masking(originalOut, "sun.stdout.encoding");
        maskedErr = masking(originalErr, "sun.stderr.encoding");
        System.setOut(maskedOut);
        System.setErr(maskedErr);
    }

    /** Puts the server's own streams back, unless someone replaced ours since (then theirs stays). */
    synchronized void uninstall() {
        if (maskedOut == null) {
            return;
        }
        maskedOut.flush();
        maskedErr.flush();
        if (System.out == maskedOut) {
            System.setOut(originalOut);
        }
        if (System.err == maskedErr) {
            System.setErr(originalErr);
        }
        maskedOut = null;
        maskedErr = null;
    }

    /** The JVM picks the console's encoding from this property when it has one, else the default charset. */
    private static PrintStream masking(PrintStream original, String encodingProperty) {
        String encoding = System.getProperty(encodingProperty, Charset.defaultCharset().name());
        // An unknown or alias-only name falls back to the default charset, without an exception to swallow.
        Charset charset = Charset.availableCharsets().getOrDefault(encoding, Charset.defaultCharset());
        return new PrintStream(new MaskingLines(original), true, charset);
    }

    /**
     * Holds bytes until a line ends, masks the line, writes it on. Works on bytes read as
     * ISO-8859-1, so every byte but the masked ASCII digits goes out exactly as it came, whatever
     * the encoding (in UTF-8 and its kin an ASCII byte is never part of a longer character).
     */
    static final class MaskingLines extends OutputStream {

        /** A line longer than this is written in pieces; a number across a cut could then escape. */
        private static final int LONGEST_LINE = 64 * 1024;

        private final OutputStream out;
        private byte[] line = new byte[256];
        private int size;

        MaskingLines(OutputStream out) {
            this.out = out;
        }

        @Override
        public synchronized void write(int b) throws IOException {
            append((byte) b);
        }

        @Override
        public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
            for (int i = offset; i < offset + length; i++) {
                append(bytes[i]);
            }
        }

        private void append(byte b) throws IOException {
            if (size == line.length) {
                line = Arrays.copyOf(line, size * 2);
            }
            line[size++] = b;
            if (b == '\n' || size >= LONGEST_LINE) {
                emit();
            }
        }

        /** A flush writes a partial line too, unless it ends in a digit: the rest of a number may follow. */
        @Override
        public synchronized void flush() throws IOException {
            if (size > 0 && !endsInNumber()) {
                emit();
            }
            out.flush();
        }

        /** The server's stream is not ours to close; what is pending is written. */
        @Override
        public synchronized void close() throws IOException {
            emit();
            out.flush();
        }

        private boolean endsInNumber() {
            byte last = line[size - 1];
            return (last >= '0' && last <= '9') || last == '+';
        }

        private void emit() throws IOException {
            if (size == 0) {
                return;
            }
            String text = new String(line, 0, size, StandardCharsets.ISO_8859_1);
            String masked = PersonalDataMask.mask(text);
            if (masked == text) {
                out.write(line, 0, size);
            } else {
                out.write(masked.getBytes(StandardCharsets.ISO_8859_1));
            }
            size = 0;
            if (line.length > 4096) {
                line = new byte[256];
            }
        }
    }
}
