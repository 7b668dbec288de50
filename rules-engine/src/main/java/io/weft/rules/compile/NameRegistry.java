package io.weft.rules.compile;

import java.util.HashMap;
import java.util.Map;

/**
 * Claims names within one host and fails loudly when two owners hash to the same name: a silent
 * collision would make two NICs share a chain, i.e. one NIC's rules would apply to another.
 */
final class NameRegistry {
    private final Map<String, String> ownerByName = new HashMap<>();

    String claim(String name, int maxLength, String owner) {
        if (name.length() > maxLength) {
            throw new IllegalStateException("name " + name + " exceeds " + maxLength + " characters");
        }
        String previous = ownerByName.putIfAbsent(name, owner);
        if (previous != null && !previous.equals(owner)) {
            throw new NameCollisionException(
                    "name " + name + " is claimed by both " + previous + " and " + owner + " on this host");
        }
        return name;
    }
}
