package vn.lienthong.archive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import vn.lienthong.archive.sign.CmsHeadSigner;
import vn.lienthong.archive.sign.PadesDocumentSigner;
import vn.lienthong.archive.sign.SigningKey;
import vn.lienthong.signing.key.Pkcs12KeySource;
import vn.lienthong.signing.key.ProviderPreference;
import vn.lienthong.signing.key.TrialPki;

/** A trial key and archive configurations for tests. */
public final class TestArchives {
    private static SigningKey key;

    private TestArchives() {
    }

    public static synchronized SigningKey key() {
        if (key == null) {
            TrialPki pki = TrialPki.create("Liên Thông test CA");
            TrialPki.Issued issued = pki.issue(TrialPki.Profile.signer("Lưu trữ UBND phường Test", "UBND phường Test",
                    "RSA"));
            key = SigningKey.of(Pkcs12KeySource.ofKey(issued.key(), issued.chain(), ProviderPreference.NATIVE_IF_AVAILABLE));
        }
        return key;
    }

    public static ArchiveConfig config(Path dataDir) {
        return ArchiveConfig.of(dataDir, new PadesDocumentSigner(key()), new CmsHeadSigner(key()));
    }

    public static DocumentMetadata metadata(String dossierCode) {
        return new DocumentMetadata(dossierCode, "birth-certificate", "Giấy khai sinh", "1.011442.000.00.00.H38",
                "000.00.00.H30", "Trần Văn Đức", Instant.parse("2026-10-08T03:15:00Z"));
    }

    /** Runs poppler's pdfsig and returns its output (it exits 0 even on a mismatch, so callers parse it). */
    public static String pdfsig(Path pdf) {
        try {
            Process p = new ProcessBuilder(List.of("pdfsig", "-nocert", pdf.toString())).redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            p.waitFor();
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
