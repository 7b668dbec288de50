package io.weft.testsupport.cloudstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The test's own signers reproduce what API-COMPAT §1.2 says each client signs. */
class SigningVariantTest {
    @Test
    void jcloudsSignerReproducesTheVerifiedTestVector() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("response", "json");
        parameters.put("command", "listZones");
        parameters.put("listAll", "true");
        parameters.put("apiKey", "APIKEY");

        assertThat(SigningVariant.JCLOUDS.stringToSign(parameters))
                .isEqualTo("apikey=apikey&command=listzones&listall=true&response=json");
        assertThat(SigningVariant.JCLOUDS.sign("SECRETKEY", parameters)).isEqualTo("MxFSqvjd2YYWtnDItD4gCjXRBf0=");
    }

    @Test
    void starTildeAndAPrefixNameFollowedByADotGiveFourDifferentStrings() {
        Map<String, String> parameters = Map.of("description", "a*b~c", "filter", "x", "filter.1", "y");

        assertThat(SigningVariant.CLOUDSTACK_SERVER.stringToSign(parameters))
                .isEqualTo("description=a*b%7ec&filter=x&filter.1=y");
        assertThat(SigningVariant.JCLOUDS.stringToSign(parameters))
                .isEqualTo("description=a%2ab%7ec&filter.1=y&filter=x");
        assertThat(SigningVariant.CSCLIENT.stringToSign(parameters))
                .isEqualTo("description=a%2ab~c&filter.1=y&filter=x");
        assertThat(SigningVariant.CLOUDSTACK_GO.stringToSign(parameters))
                .isEqualTo("description=a*b~c&filter=x&filter.1=y");
    }

    @Test
    void domainAndDomainidSortTheSameByNameAndByPair() {
        // '=' sorts below every letter, so this prefix pair cannot tell the two orders apart;
        // only a longer name going on with a byte below '=' ('.', '-', a digit) can.
        Map<String, String> parameters = Map.of("domainid", "1", "domain", "d", "account", "a", "accounttype", "0");

        assertThat(Arrays.stream(SigningVariant.values())
                        .map(variant -> variant.stringToSign(parameters))
                        .collect(Collectors.toSet()))
                .containsExactly("account=a&accounttype=0&domain=d&domainid=1");
    }
}
