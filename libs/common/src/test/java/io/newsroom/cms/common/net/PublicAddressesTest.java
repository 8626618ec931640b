package io.newsroom.cms.common.net;

import io.newsroom.cms.common.net.PublicAddresses.Range;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The SSRF rule every part shares: with private addresses refused (production) and allowed (local stack, tests). */
class PublicAddressesTest {
    private static InetAddress ip(String literal) throws UnknownHostException {
        return InetAddress.getByName(literal); // a literal: no DNS
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.8.9.10", "::1", "10.0.0.1", "10.255.255.255", "172.16.0.1", "172.31.255.255",
            "192.168.1.1", "fc00::1", "fd12:3456::1", "169.254.1.1", "fe80::1", "100.64.0.1", "100.127.255.255", "0.0.0.0",
            "0.1.2.3", "::", "224.0.0.1", "239.255.255.250", "ff02::1", "255.255.255.255", "240.0.0.1", "169.254.169.254",
            "169.254.170.2", "fd00:ec2::254", "100.100.100.200", "192.0.0.192", "::ffff:10.0.0.1", "::ffff:169.254.169.254",
            "::10.0.0.1", "64:ff9b::a00:1", "2002:a00:1::1", "2002:7f00:1::", "fec0::1", "192.0.2.1", "2001:db8::1",
            "198.18.0.1", "198.51.100.7", "203.0.113.9", "192.88.99.1", "2001:0:4136:e378::1", "100::1"})
    void privateAndSpecialAddressesAreRefused(String address) throws Exception {
        assertTrue(PublicAddresses.refusal(ip(address), false).isPresent(), address);
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "1.1.1.1", "93.184.215.14", "172.32.0.1", "172.15.255.255", "100.128.0.1", "100.63.255.255",
            "169.253.1.1", "11.0.0.1", "192.169.0.1", "2606:4700:4700::1111", "2a00:1450:4001::200e", "::ffff:8.8.8.8",
            "64:ff9b::808:808", "2002:808:808::1"})
    void publicAddressesPass(String address) throws Exception {
        assertEquals(Range.PUBLIC, PublicAddresses.classify(ip(address)), address);
        assertEquals(Optional.empty(), PublicAddresses.refusal(ip(address), false), address);
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "::1", "10.1.2.3", "192.168.0.10", "172.20.0.5", "fd12::1", "169.254.10.10", "100.64.1.1",
            "192.0.2.1"})
    void privateAddressesPassWhenAllowed(String address) throws Exception {
        assertEquals(Optional.empty(), PublicAddresses.refusal(ip(address), true), address);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "::", "224.0.0.251", "ff02::1", "169.254.169.254", "fd00:ec2::254", "100.100.100.200",
            "255.255.255.255", "::ffff:169.254.169.254", "192.0.0.192", "169.254.170.2"})
    void metadataUnspecifiedAndMulticastAreRefusedEvenWhenPrivateIsAllowed(String address) throws Exception {
        assertTrue(PublicAddresses.refusal(ip(address), true).isPresent(), address);
    }

    @ParameterizedTest
    @CsvSource({"127.0.0.1, LOOPBACK", "::1, LOOPBACK", "10.0.0.8, PRIVATE", "fd12::1, PRIVATE", "169.254.1.1, LINK_LOCAL",
            "fe80::1, LINK_LOCAL", "100.64.0.1, CGNAT", "192.0.2.1, RESERVED", "0.0.0.0, UNSPECIFIED", "::, UNSPECIFIED",
            "224.0.0.1, MULTICAST", "255.255.255.255, BROADCAST", "169.254.169.254, METADATA", "fd00:ec2::254, METADATA",
            // IPv4 carried in IPv6 is judged by the IPv4 address
            "::ffff:127.0.0.1, LOOPBACK", "::7f00:1, LOOPBACK", "64:ff9b::a9fe:a9fe, METADATA", "2002:c0a8:101::1, PRIVATE",
            "64:ff9b::808:808, PUBLIC"})
    void eachAddressFallsInItsRange(String address, Range range) throws Exception {
        assertEquals(range, PublicAddresses.classify(ip(address)), address);
    }

    @Test
    void aRefusalSaysWhatTheAddressIsAndForANameWhatItResolvesTo() throws Exception {
        assertEquals(Optional.of("10.0.0.8, a private network address"), PublicAddresses.refusal(ip("10.0.0.8"), false));
        assertEquals(Optional.of("169.254.169.254, a cloud metadata service address"),
                PublicAddresses.refusal(ip("169.254.169.254"), true));
        InetAddress[] mixed = {ip("93.184.215.14"), ip("10.0.0.8")};
        // every address of a name must pass: one private address among public ones refuses the name
        assertEquals(Optional.of("the host pictures.example resolves to 10.0.0.8, a private network address"),
                PublicAddresses.refusal("pictures.example", mixed, false));
        assertEquals(Optional.of("127.0.0.1, a loopback address"),
                PublicAddresses.refusal("127.0.0.1", new InetAddress[]{ip("127.0.0.1")}, false));
        assertEquals(Optional.empty(), PublicAddresses.refusal("pictures.example", mixed, true));
        assertEquals(Optional.empty(), PublicAddresses.refusal("pictures.example", new InetAddress[]{ip("93.184.215.14")}, false));
    }

    @Test
    void theAddressConnectedToIsIpv4FirstAmongThoseChecked() throws Exception {
        assertEquals(ip("93.184.215.14"), PublicAddresses.preferred(new InetAddress[]{ip("2606:4700:4700::1111"), ip("93.184.215.14")}));
        assertEquals(ip("2606:4700:4700::1111"), PublicAddresses.preferred(new InetAddress[]{ip("2606:4700:4700::1111")}));
    }

    @Test
    void hostsAreReadFromUrlsAsInetAddressReadsThem() {
        assertEquals("::1", PublicAddresses.host(URI.create("http://[::1]:8080/x")));
        assertEquals("img.example", PublicAddresses.host(URI.create("https://img.example/a.jpg")));
        assertEquals(null, PublicAddresses.host(URI.create("file:///etc/passwd")));
        assertTrue(PublicAddresses.isLiteral("10.0.0.8"));
        assertTrue(PublicAddresses.isLiteral("fe80::1"));
        assertFalse(PublicAddresses.isLiteral("img.example"));
        assertFalse(PublicAddresses.isLiteral("localhost"));
        assertFalse(PublicAddresses.isLiteral(null));
    }

    @Test
    void onlyPublicIsAllowedWithoutPrivateAndNeverTheAlwaysRefused() {
        for (Range range : Range.values()) {
            assertEquals(range == Range.PUBLIC, range.allowed(false), range.name());
            assertEquals(!range.alwaysRefused(), range.allowed(true), range.name());
        }
    }
}
