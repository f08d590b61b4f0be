package vn.lienthong.signing.pki;

import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link RevocationRegistry} held in memory (one node, tests, the signing CLI). */
public final class MemoryRevocationRegistry implements RevocationRegistry {
    private record Key(String issuer, BigInteger serial) {
    }

    private final Set<Key> issued = ConcurrentHashMap.newKeySet();
    private final Map<Key, Revocation> revoked = new ConcurrentHashMap<>();

    @Override
    public void issued(X509Certificate certificate) {
        issued.add(new Key(certificate.getIssuerX500Principal().getName(), certificate.getSerialNumber()));
    }

    @Override
    public boolean isIssued(String issuer, BigInteger serial) {
        return issued.contains(new Key(issuer, serial));
    }

    @Override
    public void revoke(Revocation revocation) {
        revoked.putIfAbsent(new Key(revocation.issuer(), revocation.serial()), revocation);
    }

    @Override
    public Optional<Revocation> find(String issuer, BigInteger serial) {
        return Optional.ofNullable(revoked.get(new Key(issuer, serial)));
    }

    @Override
    public List<Revocation> revokedBy(String issuer) {
        return revoked.values().stream().filter(r -> r.issuer().equals(issuer))
                .sorted(Comparator.comparing(Revocation::serial)).toList();
    }
}
