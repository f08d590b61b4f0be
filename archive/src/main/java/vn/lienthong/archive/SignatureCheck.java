package vn.lienthong.archive;

/** Whether a signature verified, who made it, and why not when it did not. */
public record SignatureCheck(boolean valid, String signer, String reason) {
    public static SignatureCheck ok(String signer) {
        return new SignatureCheck(true, signer, "");
    }

    public static SignatureCheck failed(String signer, String reason) {
        return new SignatureCheck(false, signer, reason);
    }
}
