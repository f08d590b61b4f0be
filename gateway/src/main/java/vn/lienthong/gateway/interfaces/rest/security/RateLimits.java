package vn.lienthong.gateway.interfaces.rest.security;

import java.net.InetAddress;
import java.net.Inet6Address;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The rate limits by name ({@link RateLimited}), each with its own buckets per client address. */
@ApplicationScoped
public class RateLimits {

    private static final int DEFAULT_PER_MINUTE = 30;

    @Inject
    Config config;

    @Inject
    @ConfigProperty(name = "lienthong.ratelimit.max-clients", defaultValue = "10000")
    int maxClients;

    private final Map<String, ClientRateLimiter> limiters = new ConcurrentHashMap<>();

    ClientRateLimiter.Decision tryAcquire(String limit, String remoteAddress) {
        return limiters.computeIfAbsent(limit, name -> new ClientRateLimiter(
                        config.getOptionalValue("lienthong.ratelimit." + name + ".per-minute", Integer.class)
                                .orElse(DEFAULT_PER_MINUTE), maxClients, System::nanoTime))
                .tryAcquire(clientKey(remoteAddress));
    }

    /**
     * The client an address belongs to: the address itself, or for IPv6 its /64 network, since
     * one host is handed a whole /64 and could otherwise take a new bucket per request.
     */
    static String clientKey(String remoteAddress) {
        if (remoteAddress == null || remoteAddress.isBlank()) {
            return "unknown";
        }
        if (remoteAddress.indexOf(':') < 0) {
            return remoteAddress;
        }
        try {
            // A literal address: getByName parses it without asking DNS.
            InetAddress address = InetAddress.getByName(remoteAddress);
            if (address instanceof Inet6Address) {
                byte[] b = address.getAddress();
                StringBuilder key = new StringBuilder("v6:");
                for (int i = 0; i < 8; i++) {
                    key.append(String.format("%02x", b[i]));
                }
                return key.append("/64").toString();
            }
            return address.getHostAddress();
        } catch (UnknownHostException e) {
            return remoteAddress;
        }
    }
}
