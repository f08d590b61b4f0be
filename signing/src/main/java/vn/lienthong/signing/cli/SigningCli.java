package vn.lienthong.signing.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CRLException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import vn.lienthong.signing.DigestAlgorithm;
import vn.lienthong.signing.MalformedInputException;
import vn.lienthong.signing.SignatureAlgorithm;
import vn.lienthong.signing.SigningException;
import vn.lienthong.signing.cms.CmsParameters;
import vn.lienthong.signing.cms.CmsSigner;
import vn.lienthong.signing.key.KeySource;
import vn.lienthong.signing.key.Pkcs11KeySource;
import vn.lienthong.signing.key.Pkcs12KeySource;
import vn.lienthong.signing.key.TrialPki;
import vn.lienthong.signing.pdf.Certification;
import vn.lienthong.signing.pdf.PadesParameters;
import vn.lienthong.signing.pdf.PadesSigner;
import vn.lienthong.signing.pdf.VisibleStamp;
import vn.lienthong.signing.tsp.Rfc3161Client;
import vn.lienthong.signing.tsp.TimestampSource;
import vn.lienthong.signing.tsp.TsaConfig;
import vn.lienthong.signing.verify.RevocationMode;
import vn.lienthong.signing.verify.SignatureVerifier;
import vn.lienthong.signing.verify.VerificationPolicy;
import vn.lienthong.signing.verify.VerificationReport;

/** The {@code java -jar lienthong-signing.jar} entry point: keygen, sign-cms, sign-pdf, verify, bench. */
public final class SigningCli {
    /** Valid signature, or the command did what was asked. */
    public static final int OK = 0;
    /** A signature is not TOTAL_PASSED. */
    public static final int INVALID = 1;
    /** Wrong usage or unreadable input. */
    public static final int BAD_INPUT = 2;

    private static final Set<String> KEY_OPTIONS = Set.of("--keystore", "--storepass", "--alias",
            "--pkcs11-config", "--alg", "--digest");
    private static final String USAGE = """
            Cách dùng / Usage: java -jar lienthong-signing.jar <subcommand> [options]
              keygen   --out ks.p12 --storepass PW --ca-out ca.pem [--alg rsa-pss|rsa|ecdsa] [--cn NAME] [--org ORG]
                       [--alias signer] [--crl-out ca.crl]
              sign-cms --in F --out F.p7s [--attached] [--tsa URL] KEY
              sign-pdf --in F.pdf --out G.pdf [--visible --page N --rect x,y,w,h] [--seal img.png] [--tsa URL]
                       [--reason TEXT] [--certify] KEY
              verify   --in F [--content C] [--trust ca.pem]... [--crl ca.crl]... [--ocsp URL]
                       [--revocation require|warn] [--json]
              bench    [--alg A] [--only cms-sign|pdf-sign|verify] [--seconds N] [--no-openssl]
            KEY: --keystore ks.p12 --storepass PW [--alias A] | --pkcs11-config p11.cfg --storepass PIN [--alias A]
                 [--alg rsa-pss|rsa|ecdsa] [--digest sha256|sha384|sha512]
            TSA: --tsa URL [--tsa-user U --tsa-password P] [--tsa-timeout SECONDS]
            Exit: 0 valid/done, 1 invalid signature, 2 bad usage or input.
            """;

    private final PrintStream out;
    private final PrintStream err;

    public SigningCli(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(new SigningCli(System.out, System.err).run(args));
    }

    /** Runs one subcommand and returns its exit code; never throws, never prints a stack trace. */
    public int run(String... args) {
        if (args.length == 0 || Set.of("-h", "--help", "help").contains(args[0])) {
            out.print(USAGE);
            return args.length == 0 ? BAD_INPUT : OK;
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        try {
            return switch (args[0]) {
                case "keygen" -> keygen(rest);
                case "sign-cms" -> signCms(rest);
                case "sign-pdf" -> signPdf(rest);
                case "verify" -> verify(rest);
                case "bench" -> new Bench(out, err).run(CliArguments.parse(rest,
                        Set.of("--alg", "--only", "--seconds"), Set.of("--no-openssl")));
                default -> throw new UsageException("Unknown subcommand '" + args[0] + "'");
            };
        } catch (UsageException e) {
            err.println("Lỗi cú pháp / Usage error: " + e.getMessage());
            err.print(USAGE);
            return BAD_INPUT;
        } catch (SigningException | IllegalArgumentException | UncheckedIOException e) {
            err.println("Lỗi / Error: " + e.getMessage());
            return BAD_INPUT;
        }
    }

    private int keygen(List<String> argv) {
        CliArguments a = CliArguments.parse(argv, Set.of("--out", "--storepass", "--ca-out", "--alg", "--cn",
                "--org", "--alias", "--crl-out"), Set.of());
        Path store = a.path("--out");
        char[] pass = a.require("--storepass").toCharArray();
        Path caOut = a.path("--ca-out");
        SignatureAlgorithm alg = SignatureAlgorithm.parse(a.get("--alg").orElse("rsa-pss"));
        TrialPki pki = TrialPki.create("Liên Thông Trial Root CA");
        TrialPki.Issued issued = pki.issue(TrialPki.Profile.signer(a.get("--cn").orElse("Cán bộ thử nghiệm"),
                a.get("--org").orElse("UBND Phường Thử Nghiệm"), alg.keyAlgorithm()));
        String alias = a.get("--alias").orElse("signer");
        TrialPki.writePkcs12(issued, store, pass, alias);
        write(caOut, TrialPki.pem("CERTIFICATE", encoded(pki.caCertificate())));
        out.println("Đã tạo / Created: " + store + " (alias " + alias + ", " + alg.keyAlgorithm() + ", "
                + issued.certificate().getSubjectX500Principal().getName() + ")");
        out.println("CA: " + caOut);
        if (a.get("--crl-out").isPresent()) {
            try {
                write(a.path("--crl-out"), TrialPki.pem("X509 CRL", pki.crl(List.of()).getEncoded()));
            } catch (CRLException e) {
                throw new MalformedInputException("Cannot encode CRL", e);
            }
            out.println("CRL: " + a.path("--crl-out"));
        }
        return OK;
    }

    private int signCms(List<String> argv) {
        CliArguments a = CliArguments.parse(argv, with(KEY_OPTIONS, "--in", "--out", "--tsa", "--tsa-user",
                "--tsa-password", "--tsa-timeout"), Set.of("--attached"));
        Path in = a.path("--in");
        Path output = a.path("--out");
        requireReadable(in);
        try (KeySource key = openKey(a)) {
            SignatureAlgorithm alg = algorithm(a, key);
            DigestAlgorithm digest = DigestAlgorithm.parse(a.get("--digest").orElse("sha256"));
            CmsParameters params = a.flag("--attached") ? CmsParameters.enveloping(alg, digest)
                    : CmsParameters.detached(alg, digest);
            byte[] cms = new CmsSigner(tsa(a).orElse(null)).sign(in, params, key);
            write(output, cms);
            out.println("Đã ký / Signed: " + output + " (" + (a.flag("--attached") ? "enveloping" : "detached")
                    + ", " + params.spec() + ", " + key.providerDescription() + ")");
        }
        return OK;
    }

    private int signPdf(List<String> argv) {
        CliArguments a = CliArguments.parse(argv, with(KEY_OPTIONS, "--in", "--out", "--page", "--rect", "--tsa",
                "--tsa-user", "--tsa-password", "--tsa-timeout", "--reason", "--location", "--seal", "--name",
                "--org"), Set.of("--visible", "--certify"));
        Path in = a.path("--in");
        Path output = a.path("--out");
        requireReadable(in);
        try (KeySource key = openKey(a)) {
            PadesParameters params = PadesParameters.invisible(algorithm(a, key),
                    DigestAlgorithm.parse(a.get("--digest").orElse("sha256")));
            if (a.get("--reason").isPresent()) {
                params = params.withReason(a.require("--reason"));
            }
            if (a.flag("--certify")) {
                params = params.withCertification(Certification.FORM_FILLING_AND_SIGNING);
            }
            if (a.flag("--visible")) {
                float[] r = rect(a.get("--rect").orElse("36,36,240,64"));
                VisibleStamp stamp = VisibleStamp.at(a.integer("--page", 1), r[0], r[1], r[2], r[3])
                        .withTexts(a.get("--name").orElse(null), a.get("--org").orElse(null));
                if (a.get("--seal").isPresent()) {
                    stamp = stamp.withSeal(readBytes(a.path("--seal")));
                }
                params = params.withStamp(stamp);
            } else if (a.get("--rect").isPresent() || a.get("--page").isPresent()) {
                throw new UsageException("--page and --rect need --visible");
            }
            new PadesSigner(tsa(a).orElse(null)).sign(in, output, params, key);
            out.println("Đã ký / Signed: " + output + " (PAdES, " + SignatureAlgorithm.parse(
                    params.algorithm().cliName()).cliName() + "/" + params.digest().jcaName() + ", "
                    + key.providerDescription() + ")");
        }
        return OK;
    }

    private int verify(List<String> argv) {
        CliArguments a = CliArguments.parse(argv, Set.of("--in", "--content", "--trust", "--crl", "--ocsp",
                "--revocation"), Set.of("--json"));
        Path in = a.path("--in");
        requireReadable(in);
        List<X509Certificate> anchors = new ArrayList<>();
        for (String t : a.all("--trust")) {
            anchors.addAll(certificates(Path.of(t)));
        }
        List<X509CRL> crls = new ArrayList<>();
        for (String c : a.all("--crl")) {
            crls.addAll(crls(Path.of(c)));
        }
        RevocationMode mode = switch (a.get("--revocation").orElse("require")) {
            case "require" -> RevocationMode.REQUIRE;
            case "warn" -> RevocationMode.WARN;
            default -> throw new UsageException("--revocation is require or warn");
        };
        VerificationPolicy policy = new VerificationPolicy(anchors, crls, a.get("--ocsp").map(URI::create), mode);
        VerificationReport report = new SignatureVerifier(policy).verify(in, a.optionalPath("--content").orElse(null));
        out.print(a.flag("--json") ? report.toJson() + "\n" : report.toText());
        return report.passed() ? OK : INVALID;
    }

    private static KeySource openKey(CliArguments a) {
        char[] pass = a.require("--storepass").toCharArray();
        String alias = a.get("--alias").orElse(null);
        if (a.get("--pkcs11-config").isPresent()) {
            return Pkcs11KeySource.open(a.path("--pkcs11-config"), pass, alias);
        }
        if (a.get("--keystore").isEmpty()) {
            throw new UsageException("Give --keystore ks.p12 or --pkcs11-config p11.cfg");
        }
        return Pkcs12KeySource.open(a.path("--keystore"), pass, alias);
    }

    private static SignatureAlgorithm algorithm(CliArguments a, KeySource key) {
        SignatureAlgorithm alg = a.get("--alg").map(SignatureAlgorithm::parse).orElse(key.defaultAlgorithm());
        String keyAlg = key.signerCertificate().getPublicKey().getAlgorithm();
        if (!alg.keyAlgorithm().equalsIgnoreCase(keyAlg)) {
            throw new UsageException("--alg " + alg.cliName() + " does not fit the " + keyAlg + " key");
        }
        return alg;
    }

    private static Optional<TimestampSource> tsa(CliArguments a) {
        if (a.get("--tsa").isEmpty()) {
            return Optional.empty();
        }
        TsaConfig config = TsaConfig.of(URI.create(a.require("--tsa")))
                .withTimeout(Duration.ofSeconds(a.integer("--tsa-timeout", 10)));
        if (a.get("--tsa-user").isPresent()) {
            config = config.withCredentials(a.require("--tsa-user"), a.get("--tsa-password").orElse(""));
        }
        return Optional.of(new Rfc3161Client(config));
    }

    private static float[] rect(String text) {
        String[] parts = text.split(",");
        if (parts.length != 4) {
            throw new UsageException("--rect is x,y,w,h in PDF points, e.g. 36,36,240,64");
        }
        float[] r = new float[4];
        try {
            for (int i = 0; i < 4; i++) {
                r[i] = Float.parseFloat(parts[i].trim());
            }
        } catch (NumberFormatException e) {
            throw new UsageException("--rect has a non-number: " + text);
        }
        return r;
    }

    private static Set<String> with(Set<String> base, String... more) {
        Set<String> all = new java.util.HashSet<>(base);
        all.addAll(List.of(more));
        return all;
    }

    private static void requireReadable(Path p) {
        if (!Files.isReadable(p)) {
            throw new MalformedInputException("Không đọc được tệp / Cannot read file: " + p);
        }
    }

    private static List<X509Certificate> certificates(Path pem) {
        try (InputStream in = Files.newInputStream(pem)) {
            List<X509Certificate> out = new ArrayList<>();
            for (var c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                out.add((X509Certificate) c);
            }
            if (out.isEmpty()) {
                throw new MalformedInputException("No certificate in " + pem);
            }
            return out;
        } catch (IOException | CertificateException e) {
            throw new MalformedInputException("Cannot read trust anchors from " + pem + ": " + e.getMessage(), e);
        }
    }

    private static List<X509CRL> crls(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            List<X509CRL> out = new ArrayList<>();
            for (var c : CertificateFactory.getInstance("X.509").generateCRLs(in)) {
                out.add((X509CRL) c);
            }
            return out;
        } catch (IOException | CertificateException | CRLException e) {
            throw new MalformedInputException("Cannot read CRL " + file + ": " + e.getMessage(), e);
        }
    }

    private static byte[] encoded(X509Certificate c) {
        try {
            return c.getEncoded();
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new MalformedInputException("Cannot encode certificate", e);
        }
    }

    private static byte[] readBytes(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new MalformedInputException("Cannot read " + p + ": " + e.getMessage(), e);
        }
    }

    private static void write(Path p, String text) {
        write(p, text.getBytes(StandardCharsets.US_ASCII));
    }

    private static void write(Path p, byte[] bytes) {
        try {
            Files.write(p, bytes);
        } catch (IOException e) {
            throw new MalformedInputException("Cannot write " + p + ": " + e.getMessage(), e);
        }
    }
}
