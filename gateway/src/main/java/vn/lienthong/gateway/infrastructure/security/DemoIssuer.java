package vn.lienthong.gateway.infrastructure.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import java.util.logging.Logger;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.Json;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import vn.lienthong.gateway.application.DemoTokens;
import vn.lienthong.gateway.infrastructure.config.DemoMode;

/**
 * The embedded default's token issuer: on first start, an RSA key pair under
 * {@code <data dir>/keys}, whose public half is what MicroProfile JWT verifies tokens with
 * (mp.jwt.verify.publickey.location). {@code scripts/demo-token} signs tokens with the private
 * half, and so does {@link #mint} for the console's demo sign-in. On in demo mode ({@link DemoMode};
 * lienthong.security.demo-issuer.enabled overrides); a province points MicroProfile JWT at its own
 * identity provider instead.
 */
@ApplicationScoped
public class DemoIssuer implements DemoTokens {

    private static final Logger LOG = Logger.getLogger(DemoIssuer.class.getName());
    /** Before anything can serve a request, and before Camel starts. */
    private static final int PRIORITY = 50;
    static final String PRIVATE_KEY = "demo-issuer.key.pem";
    static final String PUBLIC_KEY = "demo-issuer.pub.pem";
    static final String ISSUER_FILE = "demo-issuer.properties";

    @Inject
    @ConfigProperty(name = "lienthong.data.dir")
    String dataDir;

    @Inject
    DemoMode demo;

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.issuer")
    String issuer;

    @Override
    public boolean enabled() {
        return demo.demoIssuer();
    }

    void ensureKey(@Observes @Priority(PRIORITY) @Initialized(ApplicationScoped.class) Object started) {
        if (!enabled()) {
            return;
        }
        Path keys = keys();
        Path publicKey = keys.resolve(PUBLIC_KEY);
        try {
            Files.createDirectories(keys);
            // The nodes of a cluster share the keys directory and may start together: one generates the
            // pair under a file lock, the others find it (two would interleave their private and public keys).
            try (FileChannel channel = FileChannel.open(keys.resolve("demo-issuer.lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
                if (!Files.exists(publicKey)) {
                    generate(keys);
                    LOG.info("DEMO token issuer: generated a new key pair in " + keys);
                }
            }
            Files.writeString(keys.resolve(ISSUER_FILE), "issuer=" + issuer + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the demo token issuer's key in " + keys, e);
        }
        LOG.info("DEMO token issuer (not for production): tokens are verified with " + publicKey
                + ". Mint one with: LIENTHONG_DATA_DIR=" + Path.of(dataDir).toAbsolutePath().normalize()
                + " scripts/demo-token desk-officer 000.00.00.H30   (roles: desk-officer, leader, admin, auditor)");
    }

    /** A token signed as scripts/demo-token signs it (RS256, the same claims, plus "name" for the console's header). */
    @Override
    public String mint(DemoClaims claims) {
        if (!enabled()) {
            throw new IllegalStateException("The demo issuer is off (LIENTHONG_DEMO, LIENTHONG_SECURITY_DEMO_ISSUER_ENABLED)");
        }
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"demo-issuer\"}";
        String payload = Json.createObjectBuilder()
                .add("iss", issuer).add("sub", claims.officerId()).add("upn", claims.officerId())
                .add("name", claims.name()).add("groups", Json.createArrayBuilder().add(claims.role()))
                .add("agency_code", claims.agencyCode())
                .add("iat", claims.issuedAt().getEpochSecond()).add("exp", claims.expiresAt().getEpochSecond())
                .add("jti", UUID.randomUUID().toString())
                .build().toString();
        String input = base64Url(header.getBytes(StandardCharsets.UTF_8)) + "." + base64Url(payload.getBytes(StandardCharsets.UTF_8));
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(privateKey());
            rsa.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + base64Url(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign a demo token with " + keys().resolve(PRIVATE_KEY), e);
        }
    }

    private PrivateKey privateKey() throws GeneralSecurityException {
        Path pem = keys().resolve(PRIVATE_KEY);
        try {
            String base64 = Files.readString(pem, StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the demo issuer's key " + pem, e);
        }
    }

    private Path keys() {
        return Path.of(dataDir).toAbsolutePath().normalize().resolve("keys");
    }

    private static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void generate(Path keys) throws IOException {
        Files.createDirectories(keys);
        KeyPair pair;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            pair = generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This JVM has no RSA key generator", e);
        }
        // The private key first, readable by the owner only; the public key last, because its
        // presence is what says "done" on the next start.
        write(keys.resolve(PRIVATE_KEY), pem("PRIVATE KEY", pair.getPrivate().getEncoded()), true);
        write(keys.resolve(PUBLIC_KEY), pem("PUBLIC KEY", pair.getPublic().getEncoded()), false);
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static void write(Path target, String content, boolean secret) throws IOException {
        Path tmp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
        try {
            if (secret && tmp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            }
            Files.writeString(tmp, content, StandardCharsets.US_ASCII);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
