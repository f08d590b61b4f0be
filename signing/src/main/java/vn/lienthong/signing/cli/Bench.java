package vn.lienthong.signing.cli;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import vn.lienthong.signing.DigestAlgorithm;
import vn.lienthong.signing.SignatureAlgorithm;
import vn.lienthong.signing.cms.CmsParameters;
import vn.lienthong.signing.cms.CmsSigner;
import vn.lienthong.signing.key.Pkcs12KeySource;
import vn.lienthong.signing.key.ProviderPreference;
import vn.lienthong.signing.key.SigningProviders;
import vn.lienthong.signing.key.TrialPki;
import vn.lienthong.signing.pki.DemoPki;
import vn.lienthong.signing.pki.DemoTrustServices;
import vn.lienthong.signing.pki.EndEntity;
import vn.lienthong.signing.pki.MemoryRevocationRegistry;
import vn.lienthong.signing.pki.PkiSettings;
import vn.lienthong.signing.ltv.LongTermResult;
import vn.lienthong.signing.pdf.PadesLongTerm;
import vn.lienthong.signing.pdf.PadesParameters;
import vn.lienthong.signing.pdf.PadesSigner;
import vn.lienthong.signing.verify.SignatureVerifier;
import vn.lienthong.signing.verify.VerificationPolicy;
import vn.lienthong.signing.verify.VerificationReport;

/**
 * The {@code bench} subcommand: one line per figure, "NAME: VALUE UNIT", single-threaded (so the
 * figures are per core). Notes go to stderr so scripts can parse stdout.
 */
final class Bench {
    private static final Pattern OPENSSL_RSA = Pattern.compile(
            "rsa\\s+2048 bits\\s+[0-9.]+s\\s+[0-9.]+s\\s+([0-9.]+)\\s+([0-9.]+)");

    private final PrintStream out;
    private final PrintStream err;

    Bench(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(CliArguments a) {
        String only = a.get("--only").orElse("all");
        if (!List.of("all", "cms-sign", "pdf-sign", "verify").contains(only)) {
            throw new UsageException("--only is cms-sign, pdf-sign or verify");
        }
        int seconds = a.integer("--seconds", 5);
        if (seconds < 1) {
            throw new UsageException("--seconds must be at least 1");
        }
        Optional<SignatureAlgorithm> alg = a.get("--alg").map(SignatureAlgorithm::parse);
        err.println("# native provider: " + SigningProviders.describe(SigningProviders.nativeProvider())
                + "; cores: " + Runtime.getRuntime().availableProcessors() + "; java " + Runtime.version());
        TrialPki pki = TrialPki.create("Bench Root");
        if (only.equals("all") || only.equals("cms-sign")) {
            cmsSign(pki, alg, seconds);
            if (!a.flag("--no-openssl")) {
                openssl();
            }
        }
        if (only.equals("all") || only.equals("pdf-sign") || only.equals("verify")) {
            pdf(pki, alg.orElse(SignatureAlgorithm.RSA_PSS), seconds, only);
        }
        return SigningCli.OK;
    }

    private void cmsSign(TrialPki pki, Optional<SignatureAlgorithm> only, int seconds) {
        TrialPki.Issued rsa = pki.issue(TrialPki.Profile.signer("Bench RSA", "Bench", "RSA"));
        TrialPki.Issued ec = pki.issue(TrialPki.Profile.signer("Bench EC", "Bench", "EC"));
        byte[] content = new byte[1024];
        new Random(7).nextBytes(content);
        for (SignatureAlgorithm alg : SignatureAlgorithm.values()) {
            if (only.isPresent() && only.get() != alg) {
                continue;
            }
            TrialPki.Issued issued = alg == SignatureAlgorithm.ECDSA ? ec : rsa;
            String name = switch (alg) {
                case RSA_PSS -> "rsa-pss-2048";
                case RSA_PKCS1 -> "rsa-2048";
                case ECDSA -> "ecdsa-p256";
            };
            for (ProviderPreference pref : ProviderPreference.values()) {
                if (pref == ProviderPreference.NATIVE_IF_AVAILABLE && SigningProviders.nativeProvider().isEmpty()) {
                    err.println("# cms-sign " + name + " native: skipped, native provider did not load");
                    continue;
                }
                Pkcs12KeySource key = Pkcs12KeySource.ofKey(issued.key(), issued.chain(), pref);
                CmsSigner signer = new CmsSigner();
                CmsParameters params = CmsParameters.detached(alg, DigestAlgorithm.SHA256);
                Runnable once = () -> signer.sign(content, params, key);
                double perSecond = rate(once, seconds);
                String label = pref == ProviderPreference.JDK ? "jdk" : "native";
                out.printf(Locale.ROOT, "cms-sign %s %s: %.0f sig/s%n", name, label, perSecond);
            }
        }
    }

    private void pdf(TrialPki pki, SignatureAlgorithm alg, int seconds, String only) {
        TrialPki.Issued issued = pki.issue(TrialPki.Profile.signer("Bench PDF",
                "Bench", alg.keyAlgorithm()));
        Pkcs12KeySource key = Pkcs12KeySource.ofKey(issued.key(), issued.chain(),
                ProviderPreference.NATIVE_IF_AVAILABLE);
        SignatureVerifier verifier = new SignatureVerifier(
                VerificationPolicy.of(List.of(pki.caCertificate()), List.of(pki.crl(List.of()))));
        // B-LT: the DEMO PKI's in-process TSA, OCSP responder and CRLs; validation offline from the DSS dictionary.
        DemoTrustServices demo = DemoTrustServices.create(DemoPki.create(
                PkiSettings.demo(URI.create("https://lienthong.example")), Clock.systemUTC()),
                new MemoryRevocationRegistry());
        TrialPki.Issued ltIssued = demo.issue(EndEntity.officer("bench", "Bench"));
        Pkcs12KeySource ltKey = Pkcs12KeySource.ofKey(ltIssued.key(), ltIssued.chain(),
                ProviderPreference.NATIVE_IF_AVAILABLE);
        PadesSigner ltSigner = new PadesSigner(demo.tsa());
        PadesLongTerm longTerm = new PadesLongTerm(demo.revocationSource());
        SignatureVerifier ltVerifier = new SignatureVerifier(
                VerificationPolicy.of(List.of(demo.pki().root().certificate()), List.of()));
        Path dir;
        try {
            dir = Files.createTempDirectory("lienthong-bench");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            for (int mb : new int[] {3, 30}) {
                Path scan = scannedPdf(dir.resolve("scan-" + mb + "mb.pdf"), mb);
                Path signed = dir.resolve("signed-" + mb + "mb.pdf");
                PadesParameters params = PadesParameters.invisible(alg, DigestAlgorithm.SHA256);
                new PadesSigner().sign(scan, signed, params, key);
                if (!only.equals("verify")) {
                    double copy = millis(() -> copyAndHash(scan, dir.resolve("copy.pdf")), seconds);
                    double sign = millis(() -> new PadesSigner().sign(scan, signed, params, key), seconds);
                    out.printf(Locale.ROOT, "pdf-read-hash-write %dmb: %.1f ms%n", mb, copy);
                    out.printf(Locale.ROOT, "pdf-sign %dmb: %.1f ms%n", mb, sign);
                    out.printf(Locale.ROOT, "pdf-sign-vs-copy %dmb: %.2f x%n", mb, sign / copy);
                }
                if (!only.equals("pdf-sign")) {
                    VerificationReport check = verifier.verify(signed, null);
                    if (!check.passed()) {
                        err.println("# bench PDF did not verify: " + check.toText());
                    }
                    double verify = millis(() -> verifier.verify(signed, null), seconds);
                    out.printf(Locale.ROOT, "verify %dmb: %.1f ms%n", mb, verify);
                }
                Path lt = dir.resolve("lt-" + mb + "mb.pdf");
                Runnable signLt = () -> {
                    ltSigner.sign(scan, lt, params, ltKey);
                    LongTermResult result = longTerm.extend(lt);
                    if (!result.longTerm()) {
                        err.println("# bench PDF stayed at B-T: " + result.missing());
                    }
                };
                signLt.run();
                if (!only.equals("verify")) {
                    out.printf(Locale.ROOT, "pdf-sign-lt %dmb: %.1f ms%n", mb, millis(signLt, seconds));
                }
                if (!only.equals("pdf-sign")) {
                    VerificationReport check = ltVerifier.verify(lt, null);
                    if (!check.passed() || !check.signatures().get(0).level().equals(LongTermResult.LT)) {
                        err.println("# bench B-LT PDF did not verify at LT: " + check.toText());
                    }
                    out.printf(Locale.ROOT, "verify-lt %dmb: %.1f ms%n", mb,
                            millis(() -> ltVerifier.verify(lt, null), seconds));
                }
            }
        } finally {
            deleteTree(dir);
        }
    }

    private void openssl() {
        ProcessBuilder pb = new ProcessBuilder("openssl", "speed", "-seconds", "3", "rsa2048")
                .redirectErrorStream(true);
        try {
            Process p = pb.start();
            String text = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
            Matcher m = OPENSSL_RSA.matcher(text);
            if (m.find()) {
                out.printf(Locale.ROOT, "openssl rsa-2048 sign: %.0f sig/s%n", Double.parseDouble(m.group(1)));
                out.printf(Locale.ROOT, "openssl rsa-2048 verify: %.0f verify/s%n", Double.parseDouble(m.group(2)));
            } else {
                err.println("# openssl speed output not understood");
            }
        } catch (IOException e) {
            err.println("# openssl not available: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Operations per second after a warm-up of a third of the time. */
    private static double rate(Runnable op, int seconds) {
        long warmEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(Math.max(1, seconds / 3));
        while (System.nanoTime() < warmEnd) {
            op.run();
        }
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        long count = 0;
        long now;
        do {
            op.run();
            count++;
            now = System.nanoTime();
        } while (now < end);
        return count / ((now - start) / 1e9);
    }

    /** Median milliseconds over as many runs as fit in the time (at least 3, after one warm-up). */
    private static double millis(Runnable op, int seconds) {
        op.run();
        List<Long> runs = new ArrayList<>();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (runs.size() < 3 || (System.nanoTime() < end && runs.size() < 200)) {
            long t = System.nanoTime();
            op.run();
            runs.add(System.nanoTime() - t);
        }
        runs.sort(null);
        return runs.get(runs.size() / 2) / 1e6;
    }

    /** The baseline the issue sets: read the file, hash it, write a copy. */
    private static void copyAndHash(Path from, Path to) {
        MessageDigest md = DigestAlgorithm.SHA256.newDigest();
        ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20);
        try (FileChannel in = FileChannel.open(from, StandardOpenOption.READ);
                FileChannel outCh = FileChannel.open(to, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING)) {
            while (in.read(buffer) > 0) {
                buffer.flip();
                md.update(buffer.duplicate());
                while (buffer.hasRemaining()) {
                    outCh.write(buffer);
                }
                buffer.clear();
            }
            md.digest();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A "scanned" PDF: A4 pages each holding its own copy of a noisy ~1 MB JPEG. */
    static Path scannedPdf(Path file, int megabytes) {
        byte[] jpeg = noisyJpeg();
        int pages = Math.max(1, (int) Math.ceil(megabytes * 1_000_000.0 / jpeg.length));
        try (PDDocument doc = new PDDocument()) {
            for (int i = 0; i < pages; i++) {
                PDPage page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                PDImageXObject image = JPEGFactory.createFromByteArray(doc, jpeg);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    cs.drawImage(image, 0, 0, PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight());
                }
            }
            doc.save(file.toFile());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] noisyJpeg() {
        BufferedImage img = new BufferedImage(1240, 1754, BufferedImage.TYPE_BYTE_GRAY);
        Random random = new Random(42);
        byte[] row = new byte[img.getWidth()];
        for (int y = 0; y < img.getHeight(); y++) {
            random.nextBytes(row);
            img.getRaster().setDataElements(0, y, img.getWidth(), 1, row);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "jpg", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // A leftover temp directory is harmless; say so rather than fail the run.
            System.err.println("# could not delete " + root + ": " + e.getMessage());
        }
    }
}
