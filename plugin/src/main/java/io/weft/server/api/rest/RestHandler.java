package io.weft.server.api.rest;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.weft.server.error.ErrorCode;
import io.weft.server.error.WeftException;
import io.weft.server.http.HttpResponses;
import io.weft.server.tenancy.ApiCredentials;
import io.weft.server.tenancy.ApiKeyDirectory;
import io.weft.server.tenancy.Caller;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Weft's native REST APIs (operator and compute) under {@code /api/v1}: JSON in and out, HTTP Basic
 * authentication with a user's API key and secret key, errors as {@code {"error":{"code","message"}}}
 * with the HTTP status of the error code. Meant to be served over TLS by the front proxy, like every
 * API that carries a secret.
 */
public final class RestHandler extends Handler.Abstract {
    public static final String PREFIX = "/api/v1";
    private static final Logger LOG = LoggerFactory.getLogger(RestHandler.class);
    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            // A body is one JSON document: text after it is refused, not silently dropped.
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            // A name given twice is refused: otherwise the last one would silently win.
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final List<RestRoute> routes;
    private final ApiKeyDirectory directory;
    private final int maxBodySize;

    /** {@code maxBodySize}: the largest body read, in bytes; a larger one is refused with 413 unread. */
    public RestHandler(Set<RestRoute> routes, ApiKeyDirectory directory, int maxBodySize) {
        this.routes = List.copyOf(requireNonNull(routes, "routes is null"));
        this.directory = requireNonNull(directory, "directory is null");
        if (maxBodySize < 1) {
            throw new IllegalArgumentException("maxBodySize must be positive");
        }
        this.maxBodySize = maxBodySize;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        RestResponse answer;
        try {
            answer = dispatch(request);
        } catch (WeftException e) {
            answer = error(e.code(), e.getMessage());
        } catch (BodyTooLarge e) {
            answer = new RestResponse(
                    413, errorBody("PAYLOAD_TOO_LARGE", "the request body is larger than " + maxBodySize + " bytes"));
        } catch (RuntimeException e) {
            LOG.error("REST request {} {} failed", request.getMethod(), request.getHttpURI(), e);
            answer = error(ErrorCode.INTERNAL, "internal error");
        }
        String body;
        try {
            body = answer.body() == null ? "" : JSON.writeValueAsString(answer.body());
        } catch (JsonProcessingException e) {
            LOG.error("cannot write a REST response", e);
            answer = error(ErrorCode.INTERNAL, "internal error");
            body = "{\"error\":{\"code\":\"INTERNAL\",\"message\":\"internal error\"}}";
        }
        if (answer.status() == 401) {
            response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Basic realm=\"weft\"");
        }
        HttpResponses.send(response, answer.status(), "application/json; charset=UTF-8", body, callback);
        return true;
    }

    private RestResponse dispatch(Request request) {
        Caller caller = authenticate(request);
        String path = Request.getPathInContext(request).substring(PREFIX.length());
        boolean pathKnown = false;
        for (RestRoute route : routes) {
            Optional<Map<String, String>> variables = route.match(path);
            if (variables.isEmpty()) {
                continue;
            }
            pathKnown = true;
            if (route.method().equals(request.getMethod())) {
                return route.operation()
                        .handle(new RestRequest(caller, variables.get(), query(request), body(request)));
            }
        }
        if (pathKnown) {
            return new RestResponse(
                    405, errorBody("METHOD_NOT_ALLOWED", request.getMethod() + " is not allowed on " + path));
        }
        throw new WeftException(ErrorCode.NOT_FOUND, "no such resource: " + path);
    }

    private Caller authenticate(Request request) {
        String header = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            throw new WeftException(
                    ErrorCode.UNAUTHENTICATED, "HTTP Basic authentication with an API key and secret key is required");
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new WeftException(ErrorCode.UNAUTHENTICATED, "malformed Basic credentials");
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            throw new WeftException(ErrorCode.UNAUTHENTICATED, "malformed Basic credentials");
        }
        Optional<ApiCredentials> credentials = directory.findByApiKey(decoded.substring(0, colon));
        byte[] given = decoded.substring(colon + 1).getBytes(StandardCharsets.UTF_8);
        if (credentials.isEmpty()
                || !MessageDigest.isEqual(credentials.get().secretKey().getBytes(StandardCharsets.UTF_8), given)) {
            throw new WeftException(ErrorCode.UNAUTHENTICATED, "unknown API key or wrong secret key");
        }
        return credentials.get().caller();
    }

    private static Map<String, String> query(Request request) {
        Map<String, String> query = new LinkedHashMap<>();
        Fields fields = Request.extractQueryParameters(request, StandardCharsets.UTF_8);
        for (Fields.Field field : fields) {
            query.put(refuseControlCharacters(field.getName()), refuseControlCharacters(field.getValue()));
        }
        return query;
    }

    /**
     * The body as JSON. Reads at most {@code maxBodySize} bytes, whatever the client announces, so a
     * huge body costs no memory; bytes that are not UTF-8 are refused; parse errors are told by
     * position only (the parser's own text names its internals); control characters and unpaired
     * surrogates in any string are refused, since the answers could not give them back as sent.
     */
    private JsonNode body(Request request) {
        if (request.getLength() > maxBodySize) {
            throw new BodyTooLarge();
        }
        byte[] bytes;
        try (InputStream in = Content.Source.asInputStream(request)) {
            bytes = in.readNBytes(maxBodySize + 1);
        } catch (IOException e) {
            throw new WeftException(ErrorCode.INVALID_PARAMETER, "could not read the request body", e);
        }
        if (bytes.length > maxBodySize) {
            throw new BodyTooLarge();
        }
        String text = utf8(bytes);
        if (text.isBlank()) {
            return NullNode.getInstance();
        }
        JsonNode body;
        try {
            body = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw WeftException.invalid(
                    at == null
                            ? "the request body is not valid JSON"
                            : "the request body is not valid JSON (line " + at.getLineNr() + ", column "
                                    + at.getColumnNr() + ")");
        }
        refuseControlCharacters(body);
        return body;
    }

    /** The body as text; bytes that are not UTF-8 are refused, since replacing them would change what was sent. */
    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw WeftException.invalid("the request body is not valid UTF-8");
        }
    }

    private static void refuseControlCharacters(JsonNode node) {
        if (node.isTextual()) {
            refuseControlCharacters(node.textValue());
        }
        node.fieldNames().forEachRemaining(RestHandler::refuseControlCharacters);
        node.elements().forEachRemaining(RestHandler::refuseControlCharacters);
    }

    private static String refuseControlCharacters(String text) {
        if (text == null) {
            return null;
        }
        if (text.codePoints().anyMatch(Character::isISOControl)) {
            throw WeftException.invalid("a value contains a control character");
        }
        // Half a surrogate pair escaped alone (backslash-u D800) reads as a lone surrogate, which no
        // UTF-8 answer can carry back (it comes back as '?'); codePoints() yields it as itself.
        if (text.codePoints().anyMatch(c -> c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE)) {
            throw WeftException.invalid("a value contains an unpaired surrogate");
        }
        return text;
    }

    /** A body over the limit: answered 413, not as one of Weft's error codes (nothing was asked yet). */
    private static final class BodyTooLarge extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BodyTooLarge() {
            super(null, null, false, false);
        }
    }

    static RestResponse error(ErrorCode code, String message) {
        return new RestResponse(status(code), errorBody(code.name(), message));
    }

    private static Map<String, Object> errorBody(String code, String message) {
        return Map.of("error", Map.of("code", code, "message", message));
    }

    static int status(ErrorCode code) {
        return switch (code) {
            case UNAUTHENTICATED -> 401;
            case PERMISSION_DENIED -> 403;
            case NOT_FOUND, UNKNOWN_COMMAND -> 404;
            case DUPLICATE, IN_USE, RULE_CONFLICT, CONCURRENT_MODIFICATION -> 409;
            case MISSING_PARAMETER, INVALID_PARAMETER -> 400;
            case LIMIT_EXCEEDED, CAPACITY_EXHAUSTED -> 422;
            case UNAVAILABLE -> 503;
            case INTERNAL -> 500;
        };
    }
}
