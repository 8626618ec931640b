package io.newsroom.cms.webhooks.client;

import io.newsroom.cms.common.net.PublicAddresses;
import io.newsroom.cms.webhooks.config.WebhooksConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Keeps webhooks away from this system's own network (SSRF). A target whose host is, or resolves to, an address that is
 * not on the public internet is refused: loopback, private (10/8, 172.16/12, 192.168/16, fc00::/7), link-local
 * (169.254/16, fe80::/10), CGNAT (100.64/10), and the other special-purpose ranges; unless
 * {@code cms.webhooks.allow-private-targets} (the local stack, tests). Unspecified (0.0.0.0/8, ::), multicast,
 * broadcast and cloud metadata addresses (169.254.169.254, 169.254.170.2, fd00:ec2::254, 100.100.100.200,
 * 192.0.0.192) are refused always: no receiver lives there. IPv6 addresses that carry an IPv4 one (mapped, compatible,
 * NAT64, 6to4) are judged by it. The classification is libs/common's {@link PublicAddresses}, which the media
 * library's URL imports share.
 *
 * <p>Checked at registration and again right before every delivery (DNS may change); every address a name resolves to
 * must pass, and the request then goes to the address that was checked (no second lookup to race with).
 */
@ApplicationScoped
public class TargetGuard {
    @Inject
    WebhooksConfig config;

    /** What a refusal ends with: where the address is not allowed. */
    private static final String WHERE = ", where webhooks are not sent";

    /** Why a target is refused. */
    public static final class Refused extends Exception {
        public Refused(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * At registration: a refusal reason, or empty when the target may be registered. With private targets allowed a
     * host name is not looked up here (the local stack's names need not resolve yet); an address is still checked.
     */
    public Optional<String> refusalAtRegistration(URI url) {
        String host = host(url);
        if (config.allowPrivateTargets() && !isLiteral(host)) {
            return Optional.empty();
        }
        try {
            approve(host);
            return Optional.empty();
        } catch (Refused refused) {
            return Optional.of(refused.getMessage());
        }
    }

    /** Right before a delivery: the address to connect to, every address of {@code host} having passed. */
    public InetAddress approve(String host) throws Refused {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new Refused("the host " + host + " cannot be resolved");
        } catch (SecurityException | IllegalArgumentException e) {
            throw new Refused("the host " + host + " is not valid");
        }
        Optional<String> refusal = PublicAddresses.refusal(host, addresses, config.allowPrivateTargets());
        if (refusal.isPresent()) {
            throw new Refused(refusal.get() + WHERE);
        }
        return PublicAddresses.preferred(addresses);
    }

    /** Why {@code address} is no target, or empty when it is one. */
    public static Optional<String> refusal(InetAddress address, boolean allowPrivate) {
        return PublicAddresses.refusal(address, allowPrivate).map(refusal -> refusal + WHERE);
    }

    /** The host of a URL as {@link InetAddress} reads it (an IPv6 literal without its brackets). */
    public static String host(URI url) {
        return PublicAddresses.host(url);
    }

    /** An IP address literal (looked up without DNS), not a name. */
    public static boolean isLiteral(String host) {
        return PublicAddresses.isLiteral(host);
    }
}
