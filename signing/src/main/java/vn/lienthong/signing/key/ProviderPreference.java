package vn.lienthong.signing.key;

/** Which JCA provider should run private-key operations for software keys. */
public enum ProviderPreference {
    /** Amazon Corretto Crypto Provider when it loads on this OS/CPU, else the JDK. */
    NATIVE_IF_AVAILABLE,
    /** Always the JDK's own providers (for comparison and for platforms without ACCP). */
    JDK
}
