package io.newsroom.cms.devstack;

import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Ports for the servers the tests start: free, never from the range outgoing connections take theirs from, never twice. */
class NetTest {
    @Test
    void freePortsAreOutsideTheEphemeralRangeBindableAndNeverGivenTwice() throws Exception {
        int[] ephemeral = Net.ephemeralRange();
        Set<Integer> given = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            int port = Net.freePort();
            assertTrue(port < ephemeral[0] || port > ephemeral[1], port + " is in the ephemeral range " + ephemeral[0] + "-" + ephemeral[1]);
            given.add(port);
        }
        assertEquals(200, given.size(), "no port given twice");
        int port = Net.freePort();
        try (ServerSocket server = new ServerSocket()) {
            server.bind(new InetSocketAddress("127.0.0.1", port));
            assertTrue(server.isBound());
        }
    }

    @Test
    void aPortSomeoneListensOnIsNotFree() throws Exception {
        int port = Net.freePort();
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("127.0.0.1", port));
            assertFalse(Net.bindable(port), "taken on 127.0.0.1");
        }
        assertTrue(Net.bindable(port), "free again once closed");
    }
}
