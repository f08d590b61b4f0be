package vn.lienthong.gateway.sandbox;

/** A reply a simulated agency gave, kept to answer repeats of the same request identically. */
public record SandboxReply(int status, String contentType, String body) {
}
