package vn.lienthong.gateway.domain.audit;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The load balancers and reverse proxies whose {@code X-Forwarded-For} the gateway believes
 * ({@code lienthong.http.trusted-proxies}: addresses or CIDR networks). A request from anyone else is
 * the client itself, whatever it claims in the header. The rate limits key their buckets on the client
 * it names, and the audit trail records it.
 */
public final class TrustedProxies {

    /** One address or network: {@code prefix} leading bits of {@code network}. */
    private record Network(byte[] network, int prefix) {
        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int bits = network.length * 8;
            BigInteger mask = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)
                    .shiftRight(prefix).not();
            return new BigInteger(1, address).and(mask).equals(new BigInteger(1, network).and(mask));
        }
    }

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private final List<Network> proxies;

    private TrustedProxies(List<Network> proxies) {
        this.proxies = proxies;
    }

    /** The proxies named by {@code entries} ({@code 10.0.0.5}, {@code 10.0.0.0/24}, {@code ::1}); none when empty. */
    public static TrustedProxies of(List<String> entries) {
        return new TrustedProxies(entries.stream().map(String::strip).filter(e -> !e.isEmpty())
                .map(TrustedProxies::network).toList());
    }

    private static Network network(String entry) {
        int slash = entry.indexOf('/');
        byte[] address = literal(slash < 0 ? entry : entry.substring(0, slash));
        if (address == null) {
            throw new IllegalArgumentException("'" + entry
                    + "' is not an IP address or network (write 10.0.0.5 or 10.0.0.0/24)");
        }
        String bits = slash < 0 ? String.valueOf(address.length * 8) : entry.substring(slash + 1);
        int prefix = bits.matches("\\d{1,3}") ? Integer.parseInt(bits) : -1;
        if (prefix < 0 || prefix > address.length * 8) {
            throw new IllegalArgumentException("'" + entry + "' has no valid prefix length");
        }
        return new Network(address, prefix);
    }

    /**
     * The client's address: the peer's own unless the peer is a trusted proxy; then, walking
     * {@code forwardedFor} from its end (the address the nearest proxy saw), the first one that is not
     * a trusted proxy. The peer's address when the header is missing or names something unreadable.
     */
    public String client(String peer, String forwardedFor) {
        if (proxies.isEmpty() || forwardedFor == null || !trusted(literal(peer))) {
            return peer;
        }
        String[] hops = forwardedFor.split(",");
        String client = peer;
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            byte[] address = literal(hop);
            if (address == null) {
                // Garbage in the chain (a client's forged part or a typo): stop at the last good hop.
                return client;
            }
            client = hop;
            if (!trusted(address)) {
                return hop;
            }
        }
        return client;
    }

    /** How many addresses or networks are trusted; none by default. */
    public int size() {
        return proxies.size();
    }

    private boolean trusted(byte[] address) {
        return address != null && proxies.stream().anyMatch(p -> p.contains(address));
    }

    /** The bytes of an IP literal; null for anything else (never a DNS look-up). */
    private static byte[] literal(String s) {
        if (s == null) {
            return null;
        }
        // Only strings the JDK reads as literals reach getByName: anything else would be a DNS name.
        boolean v4 = IPV4.matcher(s).matches()
                && Arrays.stream(s.split("\\.")).allMatch(octet -> Integer.parseInt(octet) <= 255);
        boolean v6 = s.indexOf(':') >= 0 && s.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == '.' || c == ':');
        if (!v4 && !v6) {
            return null;
        }
        try {
            return InetAddress.getByName(s).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
