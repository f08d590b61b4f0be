package vn.lienthong.gateway.infrastructure.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.security.auth.x500.X500Principal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import vn.lienthong.gateway.infrastructure.persistence.JdbcCallbackSignatures;

/**
 * Proves that a callback comes from the agency it claims: by mutual TLS (the verified client
 * certificate's subject equals {@code lienthong.agency.<id>.callback-subject}), or else by an
 * HMAC-SHA256 over {@code "<timestamp>.<body>"} with the agency's shared secret, sent as
 * {@code X-LienThong-Timestamp} (epoch seconds) and {@code X-LienThong-Signature: sha256=<hex>}.
 * A signature older than the allowed age, or seen before, is refused: a captured callback cannot
 * be replayed.
 */
@ApplicationScoped
public class CallbackAuthenticator {

    public static final String TIMESTAMP_HEADER = "X-LienThong-Timestamp";
    public static final String SIGNATURE_HEADER = "X-LienThong-Signature";
    private static final String SCHEME = "sha256=";

    @Inject
    Config config;

    @Inject
    JdbcCallbackSignatures seen;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "lienthong.data.dir")
    String dataDir;

    @Inject
    @ConfigProperty(name = "lienthong.agencies")
    List<String> agencies;

    @Inject
    @ConfigProperty(name = "lienthong.callbacks.max-age-seconds", defaultValue = "300")
    long maxAgeSeconds;

    private final ConcurrentMap<String, byte[]> secrets = new ConcurrentHashMap<>();

    public boolean knows(String agencyId) {
        return agencies.contains(agencyId);
    }

    /** Refuses unless the callback is proven to come from {@code agencyId}; returns how it was proven. */
    public String verify(String agencyId, byte[] body, String timestamp, String signature, X509Certificate[] clientChain) {
        Optional<String> subject = config.getOptionalValue("lienthong.agency." + agencyId + ".callback-subject", String.class);
        if (subject.isPresent() && clientChain != null && clientChain.length > 0
                && clientChain[0].getSubjectX500Principal().equals(new X500Principal(subject.get()))) {
            return "mutual TLS";
        }
        if (signature == null || timestamp == null) {
            throw new CallbackRefusedException(
                    "Thiếu chứng thư máy khách (mTLS) hoặc chữ ký HMAC (" + TIMESTAMP_HEADER + ", " + SIGNATURE_HEADER + ")",
                    "Neither a client certificate (mutual TLS) nor an HMAC signature (" + TIMESTAMP_HEADER + ", "
                            + SIGNATURE_HEADER + ") was presented");
        }
        long sentAt;
        try {
            sentAt = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            throw new CallbackRefusedException(TIMESTAMP_HEADER + " phải là số giây kể từ 1970-01-01 UTC",
                    TIMESTAMP_HEADER + " must be seconds since 1970-01-01 UTC");
        }
        long now = clock.instant().getEpochSecond();
        if (Math.abs(now - sentAt) > maxAgeSeconds) {
            throw new CallbackRefusedException("Chữ ký quá hạn: lệch " + (now - sentAt) + " giây, tối đa " + maxAgeSeconds,
                    "Signature expired or from the future: " + (now - sentAt) + " s off, at most " + maxAgeSeconds);
        }
        byte[] expected = hmac(agencyId, sentAt, body);
        byte[] presented;
        try {
            presented = signature.startsWith(SCHEME) ? HexFormat.of().parseHex(signature.substring(SCHEME.length())) : null;
        } catch (IllegalArgumentException e) {
            presented = null;
        }
        if (presented == null || !MessageDigest.isEqual(expected, presented)) {
            throw new CallbackRefusedException("Chữ ký HMAC không khớp với nội dung và khóa của cơ quan " + agencyId,
                    "The HMAC signature does not match the body and " + agencyId + "'s secret");
        }
        remember(agencyId, HexFormat.of().formatHex(presented));
        return "HMAC";
    }

    /** The signature header value an agency (or the sandbox) sends with {@code body} at {@code epochSeconds}. */
    public String sign(String agencyId, long epochSeconds, byte[] body) {
        return SCHEME + HexFormat.of().formatHex(hmac(agencyId, epochSeconds, body));
    }

    private byte[] hmac(String agencyId, long epochSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret(agencyId), "HmacSHA256"));
            mac.update((epochSeconds + ".").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** A replayed signature collides with the one already stored. */
    private void remember(String agencyId, String signature) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (!seen.firstUse(agencyId, signature, now, now.minusSeconds(2 * maxAgeSeconds))) {
            throw new CallbackRefusedException("Chữ ký này đã được dùng: yêu cầu phát lại bị từ chối",
                    "This signature was already used: a replayed callback is refused");
        }
    }

    /**
     * The agency's shared secret: {@code lienthong.agency.<id>.callback-secret}, or else one
     * generated on first use in {@code <data dir>/keys/callback-<id>.secret}, to hand to the agency.
     */
    private byte[] secret(String agencyId) {
        return secrets.computeIfAbsent(agencyId, id -> config
                .getOptionalValue("lienthong.agency." + id + ".callback-secret", String.class)
                .map(s -> s.getBytes(StandardCharsets.UTF_8))
                .orElseGet(() -> generatedSecret(id)));
    }

    private byte[] generatedSecret(String agencyId) {
        Path file = Path.of(dataDir).toAbsolutePath().normalize().resolve("keys").resolve("callback-" + agencyId + ".secret");
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                byte[] random = new byte[32];
                new SecureRandom().nextBytes(random);
                Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
                if (tmp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
                }
                Files.writeString(tmp, HexFormat.of().formatHex(random) + "\n", StandardOpenOption.TRUNCATE_EXISTING);
                try {
                    Files.move(tmp, file);
                } catch (java.nio.file.FileAlreadyExistsException e) {
                    Files.delete(tmp); // another thread wrote it first; use theirs
                }
            }
            return Files.readString(file).trim().getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the callback secret " + file, e);
        }
    }
}
