package org.centerline.notification.subscription;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;

/**
 * The addresses a webhook must never reach: this host, its networks and the networks' plumbing
 * (loopback, link-local including cloud metadata at 169.254.169.254, private, carrier-grade NAT,
 * unique-local, multicast, documentation, benchmarking and reserved ranges, per the IANA special-purpose
 * registries). An IPv6 address that carries an IPv4 one (NAT64, 6to4) is judged by the IPv4 one.
 */
final class InternalAddresses {

    private record Block(byte[] prefix, int bits) {

        static Block parse(String cidr) {
            String[] parts = cidr.split("/");
            try {
                // Literals only: no name lookup happens here.
                return new Block(InetAddress.getByName(parts[0]).getAddress(), Integer.parseInt(parts[1]));
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException(cidr, e);
            }
        }

        boolean contains(byte[] address) {
            if (address.length != prefix.length) {
                return false;
            }
            for (int bit = 0; bit < bits; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((address[bit / 8] & mask) != (prefix[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    // (The JDK turns IPv4-mapped IPv6 literals, ::ffff:a.b.c.d, into IPv4 addresses itself.)
    private static final List<Block> INTERNAL = List.of(
            "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12",
            "192.0.0.0/24", "192.0.2.0/24", "192.88.99.0/24", "192.168.0.0/16", "198.18.0.0/15", "198.51.100.0/24",
            "203.0.113.0/24", "224.0.0.0/3",
            "::/96", "64:ff9b:1::/48", "100::/64", "2001::/23", "2001:db8::/32", "fc00::/7", "fe80::/10", "fec0::/10",
            "ff00::/8").stream().map(Block::parse).toList();
    private static final Block NAT64 = Block.parse("64:ff9b::/96");
    private static final Block SIX_TO_FOUR = Block.parse("2002::/16");

    private InternalAddresses() {
    }

    static boolean isInternal(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (NAT64.contains(bytes)) {
            return isInternal(ipv4(Arrays.copyOfRange(bytes, 12, 16)));
        }
        if (SIX_TO_FOUR.contains(bytes)) {
            return isInternal(ipv4(Arrays.copyOfRange(bytes, 2, 6)));
        }
        return INTERNAL.stream().anyMatch(block -> block.contains(bytes));
    }

    private static InetAddress ipv4(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // four bytes are always an address
        }
    }
}
