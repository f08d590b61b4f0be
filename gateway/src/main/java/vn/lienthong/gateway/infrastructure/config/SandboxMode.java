package vn.lienthong.gateway.infrastructure.config;

import java.util.OptionalInt;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Whether the sandbox is on, and where its notice sinks listen once they have started: what the
 * sandbox and the gateway's notice transports both read, so that neither imports the other. On in
 * demo mode ({@link DemoMode}); {@code lienthong.sandbox.enabled} overrides it.
 */
@ApplicationScoped
public class SandboxMode {

    @Inject
    DemoMode demo;

    private volatile String contextPath = "";
    private volatile int smtpPort;

    public boolean enabled() {
        return demo.sandbox();
    }

    /** Where the application is deployed ("" at the root); the sandbox's servlet learns it at start. */
    public String contextPath() {
        return contextPath;
    }

    public void useContextPath(String path) {
        contextPath = path == null ? "" : path;
    }

    /** The sandbox SMTP sink's loopback port, once it listens. */
    public OptionalInt smtpPort() {
        int port = smtpPort;
        return port == 0 ? OptionalInt.empty() : OptionalInt.of(port);
    }

    public void useSmtpPort(int port) {
        smtpPort = port;
    }
}
