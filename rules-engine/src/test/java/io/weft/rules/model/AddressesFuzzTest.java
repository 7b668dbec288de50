package io.weft.rules.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Coverage-guided fuzzing of the address and network literals every rule is built from. Each
 * either parses into a value that prints in canonical form and parses back to itself, or is
 * refused with an {@link InvalidRuleException}; anything else (a NumberFormatException, an index
 * out of bounds) would reach the API as a 500 instead of a 431.
 *
 * <p>A plain build replays {@code AddressesFuzzTestInputs/<method>/}; {@code JAZZER_FUZZ=1} fuzzes.
 */
class AddressesFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void ipAddress(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        IpAddress address;
        try {
            address = IpAddress.parse(text);
        } catch (InvalidRuleException refused) {
            assertThat(refused.getMessage()).isNotBlank();
            return;
        }
        // Only ASCII literals are addresses: no other script's digits.
        assertThat(text).matches("\\p{ASCII}*");
        String canonical = address.toString();
        assertThat(IpAddress.parse(canonical)).isEqualTo(address);
        assertThat(IpAddress.parse(canonical).toString()).isEqualTo(canonical);
    }

    @FuzzTest(maxDuration = "60s")
    void cidr(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        Cidr cidr;
        try {
            cidr = Cidr.parse(text);
        } catch (InvalidRuleException refused) {
            assertThat(refused.getMessage()).isNotBlank();
            return;
        }
        assertThat(text).matches("\\p{ASCII}*");
        assertThat(cidr.prefixLength()).isBetween(0, cidr.family().addressBits());
        assertThat(Cidr.parse(cidr.toString())).isEqualTo(cidr);
        assertThat(Cidr.parse(cidr.toIpsetMember())).isEqualTo(cidr);
        // Canonical: host bits are zero, so masking again changes nothing.
        assertThat(cidr.network().masked(cidr.prefixLength())).isEqualTo(cidr.network());
    }
}
