package vn.lienthong.gateway.infrastructure.security;

import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import javax.security.auth.x500.X500Principal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import vn.lienthong.gateway.application.CallbackAuthentication;
import vn.lienthong.gateway.application.CallbackRefusedException;
import vn.lienthong.gateway.domain.exchange.CallbackSignature;
import vn.lienthong.gateway.infrastructure.persistence.JdbcCallbackSignatures;

/**
 * Proves that a callback comes from the agency it claims: by mutual TLS (the verified client
 * certificate's subject equals {@code lienthong.agency.<id>.callback-subject}), or else by the
 * agency's {@link CallbackSignature} keyed with its {@link CallbackSecrets shared secret}.
 * A signature older than the allowed age, or seen before, is refused: a captured callback cannot
 * be replayed.
 */
@ApplicationScoped
public class CallbackAuthenticator implements CallbackAuthentication {

    private static final String TIMESTAMP_HEADER = CallbackSignature.TIMESTAMP_HEADER;
    private static final String SIGNATURE_HEADER = CallbackSignature.SIGNATURE_HEADER;

    @Inject
    Config config;

    @Inject
    CallbackSecrets secrets;

    @Inject
    JdbcCallbackSignatures seen;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "lienthong.agencies")
    List<String> agencies;

    @Inject
    @ConfigProperty(name = "lienthong.callbacks.max-age-seconds", defaultValue = "300")
    long maxAgeSeconds;

    @Override
    public boolean knows(String agencyId) {
        return agencies.contains(agencyId);
    }

    @Override
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
        byte[] expected = CallbackSignature.mac(secrets.of(agencyId), sentAt, body);
        byte[] presented = CallbackSignature.presented(signature).orElse(null);
        if (presented == null || !MessageDigest.isEqual(expected, presented)) {
            throw new CallbackRefusedException("Chữ ký HMAC không khớp với nội dung và khóa của cơ quan " + agencyId,
                    "The HMAC signature does not match the body and " + agencyId + "'s secret");
        }
        remember(agencyId, HexFormat.of().formatHex(presented));
        return "HMAC";
    }

    /** A replayed signature collides with the one already stored. */
    private void remember(String agencyId, String signature) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (!seen.firstUse(agencyId, signature, now, now.minusSeconds(2 * maxAgeSeconds))) {
            throw new CallbackRefusedException("Chữ ký này đã được dùng: yêu cầu phát lại bị từ chối",
                    "This signature was already used: a replayed callback is refused");
        }
    }
}
