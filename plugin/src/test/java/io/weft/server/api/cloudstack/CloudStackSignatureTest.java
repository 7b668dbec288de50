package io.weft.server.api.cloudstack;

import static org.assertj.core.api.Assertions.assertThat;

import io.weft.server.api.cloudstack.CloudStackSignature.Canonicalisation;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class CloudStackSignatureTest {
    private static final String SECRET = "SECRETKEY";

    /**
     * Parameters on which the clients disagree: a {@code *} and a {@code ~} in values, and two names
     * of which one is a prefix of the other followed by a character that sorts before {@code =}.
     */
    private static final Map<String, String> AWKWARD = params(
            "command", "deployVirtualMachine",
            "response", "json",
            "apiKey", "APIKEY",
            "keyword", "web*~1",
            "iptonetworklist[0].ip6address", "fd00::5",
            "iptonetworklist[0].ip", "10.0.0.5",
            "name", "a b+c");

    @Test
    void jcloudsTestVectorVerifies() {
        Map<String, String> request =
                params("response", "json", "command", "listZones", "listAll", "true", "apiKey", "APIKEY");

        assertThat(CloudStackSignature.stringToSign(request, Canonicalisation.CLOUDSTACK))
                .isEqualTo("apikey=apikey&command=listzones&listall=true&response=json");
        assertThat(CloudStackSignature.sign(SECRET, "apikey=apikey&command=listzones&listall=true&response=json"))
                .isEqualTo("MxFSqvjd2YYWtnDItD4gCjXRBf0=");
        // As it arrives: signature=MxFSqvjd2YYWtnDItD4gCjXRBf0%3D, decoded once by the form decoder.
        request.put("signature", URLDecoder.decode("MxFSqvjd2YYWtnDItD4gCjXRBf0%3D", StandardCharsets.UTF_8));
        assertThat(CloudStackSignature.verify(request, SECRET, request.get("signature")))
                .isTrue();
    }

    @Test
    void cloudStackServerCanonicalisationIsAccepted() {
        String string = signByName(AWKWARD, false, true);
        assertThat(string).isEqualTo(CloudStackSignature.stringToSign(AWKWARD, Canonicalisation.CLOUDSTACK));
        assertAccepted(string);
    }

    @Test
    void jcloudsCanonicalisationIsAccepted() {
        String string = signByPair(AWKWARD, true, true);
        assertThat(string).isNotEqualTo(signByName(AWKWARD, false, true));
        assertAccepted(string);
    }

    @Test
    void csclientCanonicalisationIsAccepted() {
        String string = signByPair(AWKWARD, true, false);
        assertThat(string).isNotEqualTo(signByPair(AWKWARD, true, true));
        assertAccepted(string);
    }

    @Test
    void cloudstackGoAndCmkCanonicalisationIsAccepted() {
        String string = signByName(AWKWARD, false, false);
        assertThat(string).isNotEqualTo(signByName(AWKWARD, false, true));
        assertAccepted(string);
    }

    @Test
    void sortingPairsAndSortingNamesDifferWhenANameIsAPrefixOfAnother() {
        // So jclouds' and csclient's acceptance above depends on pair sorting, not only on encoding.
        assertThat(signByPair(AWKWARD, true, true)).isNotEqualTo(signByName(AWKWARD, true, true));
        assertThat(signByPair(AWKWARD, true, false)).isNotEqualTo(signByName(AWKWARD, true, false));
    }

    @Test
    void clientsThatEncodeNamesAreAccepted() {
        Map<String, String> tagged = params("command", "createTags", "apiKey", "APIKEY", "tags[0].key", "k");
        String encodedNames = "apikey=apikey&command=createtags&tags%5b0%5d.key=k";
        assertThat(CloudStackSignature.verify(tagged, SECRET, CloudStackSignature.sign(SECRET, encodedNames)))
                .isTrue();
    }

    @Test
    void tamperedParameterIsRejected() {
        String signature = CloudStackSignature.sign(SECRET, signByName(AWKWARD, false, true));
        Map<String, String> tampered = new LinkedHashMap<>(AWKWARD);
        tampered.put("keyword", "db");
        assertThat(CloudStackSignature.verify(tampered, SECRET, signature)).isFalse();
    }

    @Test
    void addedParameterIsRejected() {
        String signature = CloudStackSignature.sign(SECRET, signByName(AWKWARD, false, true));
        Map<String, String> extended = new LinkedHashMap<>(AWKWARD);
        extended.put("listall", "true");
        assertThat(CloudStackSignature.verify(extended, SECRET, signature)).isFalse();
    }

    @Test
    void otherSecretIsRejected() {
        String signature = CloudStackSignature.sign("OTHER", signByName(AWKWARD, false, true));
        assertThat(CloudStackSignature.verify(AWKWARD, SECRET, signature)).isFalse();
    }

    @Test
    void garbageSignatureIsRejected() {
        assertThat(CloudStackSignature.verify(AWKWARD, SECRET, "not base64 at all!"))
                .isFalse();
        assertThat(CloudStackSignature.verify(AWKWARD, SECRET, "")).isFalse();
    }

    @Test
    void plusSentUnencodedInTheSignatureIsRestored() {
        // Search for a parameter value whose signature contains '+', as a client would hit by chance.
        for (int i = 0; ; i++) {
            Map<String, String> request = params("command", "listZones", "apiKey", "APIKEY", "id", "z" + i);
            String signature = CloudStackSignature.sign(SECRET, signByName(request, false, true));
            if (signature.contains("+")) {
                assertThat(CloudStackSignature.verify(request, SECRET, signature.replace('+', ' ')))
                        .isTrue();
                return;
            }
        }
    }

    @Test
    void signatureParameterItselfIsNotSigned() {
        Map<String, String> request = params("command", "listZones", "apiKey", "APIKEY");
        String signature = CloudStackSignature.sign(SECRET, signByName(request, false, true));
        request.put("Signature", signature);
        assertThat(CloudStackSignature.verify(request, SECRET, signature)).isTrue();
    }

    private static void assertAccepted(String stringToSign) {
        String signature = CloudStackSignature.sign(SECRET, stringToSign);
        assertThat(CloudStackSignature.verify(AWKWARD, SECRET, signature))
                .as("signature over %s", stringToSign)
                .isTrue();
    }

    /** CloudStack server and cloudstack-go: sort the raw names, then build name=value. */
    private static String signByName(Map<String, String> request, boolean encodeStar, boolean encodeTilde) {
        List<String> pairs = new ArrayList<>();
        new TreeMap<>(request).forEach((name, value) -> pairs.add(name + "=" + encode(value, encodeStar, encodeTilde)));
        return String.join("&", pairs).toLowerCase(Locale.ROOT);
    }

    /** jclouds and csclient: build name=value, then sort those strings. */
    private static String signByPair(Map<String, String> request, boolean encodeStar, boolean encodeTilde) {
        List<String> pairs = new ArrayList<>();
        request.forEach((name, value) -> pairs.add(name + "=" + encode(value, encodeStar, encodeTilde)));
        pairs.sort(null);
        return String.join("&", pairs).toLowerCase(Locale.ROOT);
    }

    private static String encode(String value, boolean encodeStar, boolean encodeTilde) {
        String encoded = URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
        encoded = encodeStar ? encoded.replace("*", "%2A") : encoded;
        return encodeTilde ? encoded : encoded.replace("%7E", "~");
    }

    private static Map<String, String> params(String... namesAndValues) {
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            params.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return params;
    }
}
