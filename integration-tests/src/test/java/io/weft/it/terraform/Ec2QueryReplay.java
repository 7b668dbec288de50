package io.weft.it.terraform;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Sends EC2 Query requests exactly as aws-sdk-go-v2's {@code ec2query} serializer writes them, which
 * is what the Terraform AWS provider puts on the wire: a POST form body whose keys (including
 * {@code Action} and {@code Version}) are sorted byte-wise and escaped like Go's
 * {@code url.QueryEscape} ({@code aws/protocol/query/encoder.go} {@code Encoder.Encode}), the content
 * type without a charset, and a SigV4 signature over {@code amz-sdk-invocation-id;amz-sdk-request;
 * content-length;content-type;host;x-amz-date}, as the Go signer covers them. The signature comes
 * from the AWS SDK for Java's own SigV4 signer, given the raw request.
 */
final class Ec2QueryReplay {
    static final String VERSION = "2016-11-15";

    private final URI endpoint;
    private final AwsCredentialsIdentity credentials;
    private final String region;
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final List<String> sentBodies = new ArrayList<>();

    Ec2QueryReplay(URI endpoint, String accessKey, String secretKey, String region) {
        this.endpoint = endpoint.resolve("/");
        this.credentials = AwsCredentialsIdentity.create(accessKey, secretKey);
        this.region = region;
    }

    /** The body Go's query encoder writes for {@code action} and {@code params}. */
    static String body(String action, Map<String, String> params) {
        TreeMap<String, String> sorted = new TreeMap<>(params);
        sorted.put("Action", action);
        sorted.put("Version", VERSION);
        return sorted.entrySet().stream()
                .map(entry -> goQueryEscape(entry.getKey()) + "=" + goQueryEscape(entry.getValue()))
                .collect(Collectors.joining("&"));
    }

    /** Go's {@code url.QueryEscape}: only letters, digits and {@code -_.~} stay; space is {@code +}. */
    static String goQueryEscape(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8)
                .replace("*", "%2A")
                .replace("%7E", "~");
    }

    Answer send(String action, Map<String, String> params) {
        String body = body(action, params);
        sentBodies.add(body);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        SdkHttpRequest unsigned = SdkHttpRequest.builder()
                .method(SdkHttpMethod.POST)
                .uri(endpoint)
                .putHeader("Host", endpoint.getHost() + ":" + endpoint.getPort())
                .putHeader("Content-Type", "application/x-www-form-urlencoded")
                .putHeader("Content-Length", Integer.toString(bytes.length))
                .putHeader("Amz-Sdk-Invocation-Id", UUID.randomUUID().toString())
                .putHeader("Amz-Sdk-Request", "attempt=1; max=3")
                .build();
        SdkHttpRequest signed = AwsV4HttpSigner.create()
                .sign(r -> r.identity(credentials)
                        .request(unsigned)
                        .payload(ContentStreamProvider.fromByteArray(bytes))
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "ec2")
                        .putProperty(AwsV4HttpSigner.REGION_NAME, region))
                .request();
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                // Not signed, as the Go signer leaves it out.
                .header("User-Agent", "aws-sdk-go-v2/1.30.3 os/linux lang/go#1.22.5 api/ec2#1.173.0");
        signed.forEachHeader((name, values) -> {
            // The HTTP client writes these two itself, with the values signed above.
            if (!name.equalsIgnoreCase("host") && !name.equalsIgnoreCase("content-length")) {
                values.forEach(value -> request.header(name, value));
            }
        });
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(action, response.statusCode(), response.body());
        } catch (Exception e) {
            throw new IllegalStateException(action + " could not be sent", e);
        }
    }

    /** The access key the requests are signed with. */
    String accessKey() {
        return credentials.accessKeyId();
    }

    /** Every body sent so far, in order. */
    List<String> sentBodies() {
        return List.copyOf(sentBodies);
    }

    /** One EC2 answer, read by element names as the Go SDK's XML deserializer reads it. */
    record Answer(String action, int status, String body) {
        Document xml() {
            try {
                DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
                factory.setNamespaceAware(false);
                return factory.newDocumentBuilder()
                        .parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
            } catch (Exception e) {
                throw new IllegalStateException(action + " answered something that is not XML: " + body, e);
            }
        }

        /** The text of the first element at {@code xpath}, or null when there is none. */
        String text(String xpath) {
            NodeList nodes = nodes(xpath);
            return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent();
        }

        List<String> texts(String xpath) {
            NodeList nodes = nodes(xpath);
            List<String> texts = new ArrayList<>();
            for (int i = 0; i < nodes.getLength(); i++) {
                texts.add(nodes.item(i).getTextContent());
            }
            return texts;
        }

        int count(String xpath) {
            return nodes(xpath).getLength();
        }

        private NodeList nodes(String xpath) {
            try {
                return (NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, xml(), XPathConstants.NODESET);
            } catch (Exception e) {
                throw new IllegalArgumentException(xpath, e);
            }
        }

        /** The EC2 error code of {@code <Response><Errors><Error><Code>}, or null on success. */
        String errorCode() {
            return status < 400 ? null : text("/Response/Errors/Error/Code");
        }

        boolean ok() {
            return status == 200;
        }

        /** This answer, after failing unless it is a success. */
        Answer requireOk() {
            if (!ok()) {
                throw new AssertionError("expected a success: " + this);
            }
            return this;
        }

        @Override
        public String toString() {
            return action + " -> " + status + ": " + body;
        }
    }
}
