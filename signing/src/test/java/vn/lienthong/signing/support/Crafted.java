package vn.lienthong.signing.support;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.lienthong.signing.DigestAlgorithm;
import vn.lienthong.signing.SignatureAlgorithm;
import vn.lienthong.signing.cms.CmsDataToSign;
import vn.lienthong.signing.cms.CmsParameters;
import vn.lienthong.signing.cms.CmsSigner;
import vn.lienthong.signing.key.KeySource;
import vn.lienthong.signing.pdf.PadesParameters;
import vn.lienthong.signing.pdf.PadesSigner;
import vn.lienthong.signing.pdf.PreparedPdf;

/** Builds deliberately wrong signed files that a correct verifier must refuse. */
public final class Crafted {
    private static final Pattern RANGE = Pattern.compile("/ByteRange \\[0 (\\d+) (\\d+) (\\d+)\\]");

    private Crafted() {
    }

    /**
     * A PDF whose signature is cryptographically sound but whose ByteRange stops {@code shortBy}
     * bytes before the end of the file, so the tail is unsigned.
     */
    public static Path partialByteRange(Path input, Path output, KeySource key, int shortBy) {
        PadesSigner signer = new PadesSigner();
        PadesParameters params = PadesParameters.invisible(SignatureAlgorithm.RSA_PSS, DigestAlgorithm.SHA256);
        PreparedPdf prepared = signer.prepare(input, output, key.certificateChain(), params);
        try (RandomAccessFile file = new RandomAccessFile(output.toFile(), "rw")) {
            byte[] all = new byte[(int) file.length()];
            file.readFully(all);
            String text = new String(all, StandardCharsets.ISO_8859_1);
            Matcher m = RANGE.matcher(text);
            if (!m.find(Math.max(0, (int) prepared.contentsOffset() - 4096))) {
                throw new IllegalStateException("no ByteRange found");
            }
            long a = Long.parseLong(m.group(1));
            long b = Long.parseLong(m.group(2));
            long c = Long.parseLong(m.group(3)) - shortBy;
            String replacement = "/ByteRange [0 " + a + " " + b + " " + c + "]";
            String padded = replacement + " ".repeat(m.group().length() - replacement.length());
            file.seek(m.start());
            file.write(padded.getBytes(StandardCharsets.ISO_8859_1));
            file.seek(0);
            file.readFully(all);
            MessageDigest md = DigestAlgorithm.SHA256.newDigest();
            md.update(all, 0, (int) a);
            md.update(all, (int) b, (int) c);
            CmsDataToSign data = new CmsSigner().dataToSignForDigest(md.digest(), key.certificateChain(),
                    CmsParameters.forPades(SignatureAlgorithm.RSA_PSS, DigestAlgorithm.SHA256), Instant.now());
            signer.embed(new PreparedPdf(output, prepared.contentsOffset(), prepared.contentsCapacity(), data),
                    key.sign(data.bytesToSign(), data.spec()));
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
