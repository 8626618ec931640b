package io.newsroom.cms.common.net;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Which addresses are on the public internet: the one rule for every part that sends requests to an address a user
 * typed (webhook receivers, pictures imported into the media library), so that none of them can be pointed back into
 * this system's own network (SSRF). Refused: loopback, private (10/8, 172.16/12, 192.168/16, fc00::/7), link-local
 * (169.254/16, fe80::/10), CGNAT (100.64/10) and the other special-purpose ranges, unless the caller allows private
 * addresses (the local stack, tests); unspecified (0.0.0.0/8, ::), multicast, broadcast and cloud metadata addresses
 * (169.254.169.254, 169.254.170.2, fd00:ec2::254, 100.100.100.200, 192.0.0.192) always, since nothing anyone may ask
 * for lives there. An IPv6 address that carries an IPv4 one (mapped, compatible, NAT64, 6to4) is judged by it.
 *
 * <p>Pure: it only reads addresses. Looking a name up, when, with which deadline, is the caller's; every address a name
 * resolves to must pass, and the request then goes to the address that was checked (no second lookup to race with).
 */
public final class PublicAddresses {
    private PublicAddresses() {
    }

    /** What an address is, as far as sending requests to it goes. */
    public enum Range {
        PUBLIC(false, "a public address"),
        LOOPBACK(false, "a loopback address"),
        PRIVATE(false, "a private network address"),
        LINK_LOCAL(false, "a link-local address"),
        CGNAT(false, "a shared (CGNAT) address"),
        RESERVED(false, "a reserved or documentation address"),
        UNSPECIFIED(true, "an unspecified address"),
        MULTICAST(true, "a multicast address"),
        BROADCAST(true, "a broadcast address"),
        METADATA(true, "a cloud metadata service address");

        private final boolean alwaysRefused;
        private final String label;

        Range(boolean alwaysRefused, String label) {
            this.alwaysRefused = alwaysRefused;
            this.label = label;
        }

        /** Refused even where private addresses are allowed. */
        public boolean alwaysRefused() {
            return alwaysRefused;
        }

        /** The range in words: "a loopback address". */
        public String label() {
            return label;
        }

        /** Whether requests may go to an address of this range. */
        public boolean allowed(boolean allowPrivate) {
            return this == PUBLIC || allowPrivate && !alwaysRefused;
        }
    }

    /** Why {@code address} is refused, in words ("10.0.0.8, a private network address"), or empty when it may be used. */
    public static Optional<String> refusal(InetAddress address, boolean allowPrivate) {
        Range range = classify(address);
        return range.allowed(allowPrivate) ? Optional.empty() : Optional.of(address.getHostAddress() + ", " + range.label());
    }

    /**
     * Why {@code host} is refused, given every address it resolved to, or empty when all of them may be used: the
     * address's words for a literal, "the host x resolves to 10.0.0.8, a private network address" for a name.
     */
    public static Optional<String> refusal(String host, InetAddress[] addresses, boolean allowPrivate) {
        for (InetAddress address : addresses) {
            Optional<String> refusal = refusal(address, allowPrivate);
            if (refusal.isPresent()) {
                return Optional.of(isLiteral(host) ? refusal.get() : "the host " + host + " resolves to " + refusal.get());
            }
        }
        return Optional.empty();
    }

    /** The address to connect to among those a host resolved to (all checked): IPv4 first, which every network routes. */
    public static InetAddress preferred(InetAddress[] addresses) {
        return Arrays.stream(addresses).filter(a -> a instanceof Inet4Address).findFirst().orElse(addresses[0]);
    }

    /** The host of a URL as {@link InetAddress} reads it (an IPv6 literal without its brackets). */
    public static String host(URI url) {
        String host = url.getHost();
        return host != null && host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    /** An IP address literal (looked up without DNS), not a name. */
    public static boolean isLiteral(String host) {
        return host != null && (host.contains(":") || host.matches("[0-9.]+"));
    }

    private static final List<String> METADATA_V4 = List.of("169.254.169.254", "169.254.170.2", "100.100.100.200", "192.0.0.192");

    public static Range classify(InetAddress address) {
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return classifyV4(b);
        }
        if (address instanceof Inet6Address v6) {
            return classifyV6(b, v6);
        }
        return Range.RESERVED;
    }

    private static Range classifyV4(byte[] b) {
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        String text = (a0) + "." + a1 + "." + (b[2] & 0xff) + "." + (b[3] & 0xff);
        if (METADATA_V4.contains(text)) {
            return Range.METADATA;
        }
        if (a0 == 0) {
            return Range.UNSPECIFIED; // 0.0.0.0/8, "this network"
        }
        if (text.equals("255.255.255.255")) {
            return Range.BROADCAST;
        }
        if (a0 >= 224 && a0 <= 239) {
            return Range.MULTICAST;
        }
        if (a0 == 127) {
            return Range.LOOPBACK;
        }
        if (a0 == 10 || a0 == 172 && a1 >= 16 && a1 <= 31 || a0 == 192 && a1 == 168) {
            return Range.PRIVATE;
        }
        if (a0 == 169 && a1 == 254) {
            return Range.LINK_LOCAL;
        }
        if (a0 == 100 && a1 >= 64 && a1 <= 127) {
            return Range.CGNAT;
        }
        if (a0 >= 240 // 240/4 reserved
                || a0 == 192 && a1 == 0 && (b[2] & 0xff) == 0 // 192.0.0.0/24 IETF protocol assignments
                || a0 == 192 && a1 == 0 && (b[2] & 0xff) == 2 // TEST-NET-1
                || a0 == 198 && (a1 == 18 || a1 == 19) // benchmarking
                || a0 == 198 && a1 == 51 && (b[2] & 0xff) == 100 // TEST-NET-2
                || a0 == 203 && a1 == 0 && (b[2] & 0xff) == 113 // TEST-NET-3
                || a0 == 192 && a1 == 88 && (b[2] & 0xff) == 99) { // 6to4 relay anycast
            return Range.RESERVED;
        }
        return Range.PUBLIC;
    }

    private static Range classifyV6(byte[] b, Inet6Address v6) {
        if (v6.isAnyLocalAddress()) {
            return Range.UNSPECIFIED;
        }
        if (v6.isLoopbackAddress()) {
            return Range.LOOPBACK;
        }
        // fd00:ec2::254, the AWS instance metadata service over IPv6
        if ((b[0] & 0xff) == 0xfd && b[1] == 0 && (b[2] & 0xff) == 0x0e && (b[3] & 0xff) == 0xc2 && allZero(b, 4, 14)
                && b[14] == 0x02 && b[15] == 0x54) {
            return Range.METADATA;
        }
        if ((b[0] & 0xff) == 0xff) {
            return Range.MULTICAST;
        }
        if ((b[0] & 0xfe) == 0xfc) {
            return Range.PRIVATE; // fc00::/7 unique local
        }
        if ((b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0x80) {
            return Range.LINK_LOCAL; // fe80::/10
        }
        if ((b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0xc0) {
            return Range.PRIVATE; // fec0::/10, the deprecated site-local
        }
        // IPv4 carried in IPv6: compatible (::a.b.c.d), mapped (::ffff:a.b.c.d), NAT64 (64:ff9b::/96), 6to4 (2002::/16)
        if (allZero(b, 0, 12) || allZero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
            return classifyV4(Arrays.copyOfRange(b, 12, 16));
        }
        if (b[0] == 0 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b && allZero(b, 4, 12)) {
            return classifyV4(Arrays.copyOfRange(b, 12, 16));
        }
        if (b[0] == 0x20 && b[1] == 0x02) {
            return classifyV4(Arrays.copyOfRange(b, 2, 6));
        }
        if (b[0] == 0x20 && b[1] == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8 // 2001:db8::/32 documentation
                || b[0] == 0x20 && b[1] == 0x01 && b[2] == 0 && b[3] == 0 // 2001::/32 Teredo (hides the IPv4 it reaches)
                || b[0] == 0x01 && allZero(b, 1, 8)) { // 100::/64 discard
            return Range.RESERVED;
        }
        return Range.PUBLIC;
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
