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

import vn.lienthong.gateway.domain.audit.TrustedProxies;

/**
 * The rate limits by name ({@link RateLimited}), each with its own buckets per client address: the
 * peer's, or behind a trusted load balancer the one it forwarded ({@link TrustedProxies}). The buckets
 * are per node: behind a balancer spreading N nodes a client gets up to N times the limit.
 */
@ApplicationScoped
public class RateLimits {

    private static final int DEFAULT_PER_MINUTE = 30;

    @Inject
    Config config;

    @Inject
    @ConfigProperty(name = "lienthong.ratelimit.max-clients", defaultValue = "10000")
    int maxClients;

    /** Read and checked at start ({@code infrastructure/config/DomainProducers}). */
    @Inject
    TrustedProxies proxies;

    private final Map<String, ClientRateLimiter> limiters = new ConcurrentHashMap<>();

    /**
     * Takes a token of {@code limit} for the client of a request from {@code remoteAddress} carrying
     * {@code forwardedFor} (its {@code X-Forwarded-For}, or null).
     */
    ClientRateLimiter.Decision tryAcquire(String limit, String remoteAddress, String forwardedFor) {
        return limiters.computeIfAbsent(limit, name -> new ClientRateLimiter(
                        config.getOptionalValue("lienthong.ratelimit." + name + ".per-minute", Integer.class)
                                .orElse(DEFAULT_PER_MINUTE), maxClients, System::nanoTime))
                .tryAcquire(clientKey(proxies.client(remoteAddress, forwardedFor)));
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
