package io.newsroom.cms.webhooks.client;

import io.newsroom.cms.webhooks.config.WebhooksConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The SSRF rule with {@code cms.webhooks.allow-private-targets=false} (production) and true (local stack, tests). */
class TargetGuardTest {
    private static TargetGuard guard(boolean allowPrivate) {
        TargetGuard guard = new TargetGuard();
        guard.config = (WebhooksConfig) Proxy.newProxyInstance(WebhooksConfig.class.getClassLoader(), new Class<?>[]{WebhooksConfig.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("allowPrivateTargets")) {
                        return allowPrivate;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        return guard;
    }

    private static InetAddress ip(String literal) throws UnknownHostException {
        return InetAddress.getByName(literal); // a literal: no DNS
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.8.9.10", "::1", "10.0.0.1", "10.255.255.255", "172.16.0.1", "172.31.255.255",
            "192.168.1.1", "fc00::1", "fd12:3456::1", "169.254.1.1", "fe80::1", "100.64.0.1", "100.127.255.255", "0.0.0.0",
            "0.1.2.3", "::", "224.0.0.1", "239.255.255.250", "ff02::1", "255.255.255.255", "240.0.0.1", "169.254.169.254",
            "169.254.170.2", "fd00:ec2::254", "100.100.100.200", "192.0.0.192", "::ffff:10.0.0.1", "::ffff:169.254.169.254",
            "::10.0.0.1", "64:ff9b::a00:1", "2002:a00:1::1", "2002:7f00:1::", "fec0::1", "192.0.2.1", "2001:db8::1"})
    void privateAndSpecialAddressesAreRefused(String address) throws Exception {
        assertTrue(TargetGuard.refusal(ip(address), false).isPresent(), address);
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "1.1.1.1", "93.184.215.14", "172.32.0.1", "172.15.255.255", "100.128.0.1", "100.63.255.255",
            "169.253.1.1", "11.0.0.1", "192.169.0.1", "2606:4700:4700::1111", "2a00:1450:4001::200e", "::ffff:8.8.8.8",
            "64:ff9b::808:808", "2002:808:808::1"})
    void publicAddressesPass(String address) throws Exception {
        assertEquals(java.util.Optional.empty(), TargetGuard.refusal(ip(address), false), address);
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "::1", "10.1.2.3", "192.168.0.10", "172.20.0.5", "fd12::1", "169.254.10.10", "100.64.1.1"})
    void privateAddressesPassWhenAllowed(String address) throws Exception {
        assertEquals(java.util.Optional.empty(), TargetGuard.refusal(ip(address), true), address);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "::", "224.0.0.251", "ff02::1", "169.254.169.254", "fd00:ec2::254", "100.100.100.200",
            "255.255.255.255", "::ffff:169.254.169.254"})
    void metadataUnspecifiedAndMulticastAreRefusedEvenWhenPrivateIsAllowed(String address) throws Exception {
        assertTrue(TargetGuard.refusal(ip(address), true).isPresent(), address);
    }

    @Test
    void registrationWithPrivateTargetsForbiddenRefusesPrivateHostsAndNames() {
        TargetGuard production = guard(false);
        assertTrue(production.refusalAtRegistration(URI.create("http://10.0.0.8:8080/hook")).get().contains("private network"));
        assertTrue(production.refusalAtRegistration(URI.create("http://[::1]:8080/hook")).get().contains("loopback"));
        assertTrue(production.refusalAtRegistration(URI.create("http://169.254.169.254/latest/meta-data/")).get()
                .contains("cloud metadata"));
        // a name is looked up: localhost resolves to loopback (the hosts file, no DNS needed)
        String localhost = production.refusalAtRegistration(URI.create("http://localhost:8084/webhooks")).get();
        assertTrue(localhost.contains("the host localhost resolves to") && localhost.contains("loopback"), localhost);
        assertFalse(production.refusalAtRegistration(URI.create("https://93.184.215.14/hook")).isPresent());
        assertThrows(TargetGuard.Refused.class, () -> production.approve("127.0.0.1"));
    }

    @Test
    void registrationWithPrivateTargetsAllowedStillRefusesMetadata() throws Exception {
        TargetGuard local = guard(true);
        assertFalse(local.refusalAtRegistration(URI.create("http://127.0.0.1:9000/hook")).isPresent());
        assertFalse(local.refusalAtRegistration(URI.create("http://receiver.internal.example/hook")).isPresent(),
                "names are not looked up at registration when private targets are allowed");
        assertTrue(local.refusalAtRegistration(URI.create("http://169.254.169.254/")).isPresent());
        assertTrue(local.refusalAtRegistration(URI.create("http://[::]:80/")).isPresent());
        assertEquals("127.0.0.1", local.approve("127.0.0.1").getHostAddress());
    }
}
