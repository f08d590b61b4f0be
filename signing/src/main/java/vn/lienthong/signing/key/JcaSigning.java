package vn.lienthong.signing.key;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Signature;
import java.security.spec.AlgorithmParameterSpec;
import vn.lienthong.signing.KeyAccessException;
import vn.lienthong.signing.SignatureCreationException;
import vn.lienthong.signing.SignatureSpec;

/** One JCA signature operation, shared by the key sources. */
final class JcaSigning {
    private JcaSigning() {
    }

    static byte[] sign(PrivateKey key, Provider provider, byte[] data, SignatureSpec spec) {
        if (!spec.algorithm().keyAlgorithm().equalsIgnoreCase(key.getAlgorithm())) {
            throw new KeyAccessException("Key is " + key.getAlgorithm() + " but " + spec + " needs "
                    + spec.algorithm().keyAlgorithm() + "; choose --alg accordingly");
        }
        try {
            Signature signature = provider == null
                    ? Signature.getInstance(spec.jcaName())
                    : Signature.getInstance(spec.jcaName(), provider);
            AlgorithmParameterSpec params = spec.parameters();
            if (params != null) {
                // Before initSign: SunPKCS11 checks the key against the PSS parameters at init.
                signature.setParameter(params);
            }
            signature.initSign(key);
            signature.update(data);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new SignatureCreationException("Signing with " + spec + " failed: " + e.getMessage(), e);
        }
    }
}
