package vn.lienthong.gateway.domain.messagelog;

import java.util.Optional;

/** Signs batches and anchors with the gateway's key and checks them; the seam to the signing module. */
public interface ChainSigner {

    /** A detached signature over {@code content}. */
    byte[] sign(byte[] content);

    /** Empty when {@code signature} is the gateway's over {@code content}; otherwise why not. */
    Optional<String> problem(byte[] content, byte[] signature);

    /** Who signs (the certificate subject), stored with each signature. */
    String name();
}
