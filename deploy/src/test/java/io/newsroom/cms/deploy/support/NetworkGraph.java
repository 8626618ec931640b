package io.newsroom.cms.deploy.support;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Evaluates NetworkPolicies the way the Kubernetes semantics define them, for a fixed set of
 * peers: a connection is allowed when the source's egress allows it (or no egress policy selects
 * the source) and the destination's ingress allows it (likewise). Peers outside our namespace are
 * not governed by our policies. An ipBlock matches an address outside the cluster whose IP is known
 * when the IP is in its {@code cidr} and in none of its {@code except} ranges; it is taken to match
 * every pod and every address of unknown IP (the safe reading: some network plugins match pod
 * addresses with it too, and a pod's address is not known here). Named ports are refused as unsupported.
 */
public final class NetworkGraph {

    /**
     * A pod (in {@code namespace}, with labels) or, with a null namespace, an address outside the cluster
     * ({@code ip} set, or null for any address).
     */
    public record Peer(String name, String namespace, Map<String, String> labels, String ip) {
        public static Peer pod(String name, Map<String, String> labels) {
            return new Peer(name, Project.NAMESPACE, labels, null);
        }

        public static Peer inNamespace(String name, String namespace, Map<String, String> labels) {
            return new Peer(name, namespace, labels, null);
        }

        /** An address outside the cluster, not further known: every ipBlock matches it. */
        public static Peer address(String name) {
            return new Peer(name, null, Map.of(), null);
        }

        /** An address outside the cluster: ipBlocks match it by their cidr and except ranges. */
        public static Peer address(String name, String ip) {
            return new Peer(name, null, Map.of(), ip);
        }

        boolean governed() {
            return Project.NAMESPACE.equals(namespace);
        }
    }

    /** A destination port. */
    public record Port(int number, String protocol) {
        @Override
        public String toString() {
            return "TCP".equals(protocol) ? Integer.toString(number) : number + "/" + protocol;
        }
    }

    private final List<NetworkPolicy> policies;

    public NetworkGraph(List<NetworkPolicy> policies) {
        this.policies = policies;
    }

    /** Every allowed connection to or from a pod of our namespace, on the ports, as "from -> to:port". */
    public TreeSet<String> allowedConnections(List<Peer> peers, List<Port> ports) {
        TreeSet<String> allowed = new TreeSet<>();
        for (Peer from : peers) {
            for (Peer to : peers) {
                for (Port port : ports) {
                    if (from.governed() || to.governed()) {
                        if (allowed(from, to, port)) {
                            allowed.add(from.name() + " -> " + to.name() + ":" + port);
                        }
                    }
                }
            }
        }
        return allowed;
    }

    public boolean allowed(Peer from, Peer to, Port port) {
        return direction(from, "Egress", p -> p.getSpec().getEgress().stream()
                        .anyMatch(rule -> matchesPorts(rule.getPorts(), port) && matchesPeers(rule.getTo(), to)))
                && direction(to, "Ingress", p -> p.getSpec().getIngress().stream()
                        .anyMatch(rule -> matchesPorts(rule.getPorts(), port) && matchesPeers(rule.getFrom(), from)));
    }

    private boolean direction(Peer subject, String type, Function<NetworkPolicy, Boolean> allows) {
        if (subject.namespace() == null || !subject.governed()) {
            return true;
        }
        List<NetworkPolicy> selecting = policies.stream()
                .filter(p -> policyTypes(p).contains(type) && selects(p.getSpec().getPodSelector(), subject.labels()))
                .toList();
        return selecting.isEmpty() || selecting.stream().anyMatch(allows::apply);
    }

    private static List<String> policyTypes(NetworkPolicy policy) {
        List<String> types = policy.getSpec().getPolicyTypes();
        if (types != null && !types.isEmpty()) {
            return types;
        }
        return policy.getSpec().getEgress().isEmpty() ? List.of("Ingress") : List.of("Ingress", "Egress");
    }

    private static boolean matchesPorts(List<NetworkPolicyPort> ports, Port port) {
        if (ports == null || ports.isEmpty()) {
            return true;
        }
        for (NetworkPolicyPort candidate : ports) {
            String protocol = candidate.getProtocol() == null ? "TCP" : candidate.getProtocol();
            if (!protocol.equals(port.protocol())) {
                continue;
            }
            if (candidate.getPort() == null) {
                return true;
            }
            if (candidate.getPort().getIntVal() == null) {
                throw new AssertionError("named port " + candidate.getPort().getStrVal()
                        + " in a NetworkPolicy: use numbers, so the policies can be checked");
            }
            int first = candidate.getPort().getIntVal();
            int last = candidate.getEndPort() == null ? first : candidate.getEndPort();
            if (port.number() >= first && port.number() <= last) {
                return true;
            }
        }
        return false;
    }

    private static boolean matchesPeers(List<NetworkPolicyPeer> rulePeers, Peer peer) {
        if (rulePeers == null || rulePeers.isEmpty()) {
            return true;
        }
        for (NetworkPolicyPeer rulePeer : rulePeers) {
            if (rulePeer.getIpBlock() != null) {
                if (peer.namespace() != null || peer.ip() == null) {
                    return true;
                }
                var block = rulePeer.getIpBlock();
                if (inCidr(peer.ip(), block.getCidr()) && block.getExcept().stream().noneMatch(range -> inCidr(peer.ip(), range))) {
                    return true;
                }
                continue;
            }
            if (peer.namespace() == null) {
                continue;
            }
            boolean namespaceMatches = rulePeer.getNamespaceSelector() == null
                    ? peer.governed()
                    : selects(rulePeer.getNamespaceSelector(), Map.of("kubernetes.io/metadata.name", peer.namespace()));
            boolean podMatches = rulePeer.getPodSelector() == null || selects(rulePeer.getPodSelector(), peer.labels());
            if (namespaceMatches && podMatches) {
                return true;
            }
        }
        return false;
    }

    /** Whether the address {@code ip} lies in {@code cidr} (IPv4 or IPv6; never across the two). */
    public static boolean inCidr(String ip, String cidr) {
        String[] parts = cidr.split("/", 2);
        if (parts.length != 2) {
            throw new AssertionError("not a CIDR range: " + cidr);
        }
        byte[] address = literal(ip);
        byte[] network = literal(parts[0]);
        int prefix = Integer.parseInt(parts[1]);
        if (address.length != network.length || prefix < 0 || prefix > network.length * 8) {
            return false;
        }
        for (int bit = 0; bit < prefix; bit++) {
            int mask = 0x80 >> (bit % 8);
            if ((address[bit / 8] & mask) != (network[bit / 8] & mask)) {
                return false;
            }
        }
        return true;
    }

    private static byte[] literal(String address) {
        if (!address.matches("[0-9a-fA-F.:]+")) {
            throw new AssertionError("not an IP address literal: " + address);
        }
        try {
            return InetAddress.getByName(address).getAddress(); // a literal: no name lookup
        } catch (UnknownHostException e) {
            throw new AssertionError("not an IP address: " + address, e);
        }
    }

    public static boolean selects(LabelSelector selector, Map<String, String> labels) {
        if (selector == null) {
            return true;
        }
        for (Map.Entry<String, String> required : selector.getMatchLabels().entrySet()) {
            if (!required.getValue().equals(labels.get(required.getKey()))) {
                return false;
            }
        }
        for (LabelSelectorRequirement requirement : selector.getMatchExpressions()) {
            String value = labels.get(requirement.getKey());
            boolean ok = switch (requirement.getOperator()) {
                case "In" -> value != null && requirement.getValues().contains(value);
                case "NotIn" -> value == null || !requirement.getValues().contains(value);
                case "Exists" -> value != null;
                case "DoesNotExist" -> value == null;
                default -> throw new AssertionError("unknown selector operator " + requirement.getOperator());
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
