package io.weft.server.api.cloudstack;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.weft.server.error.ErrorCode;
import io.weft.server.http.FormDecoder;
import io.weft.server.http.HttpConfig;
import io.weft.server.http.HttpResponses;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The CloudStack API over HTTP (API-COMPAT §1.1): GET query and POST form parameters merged, the
 * reply in JSON or XML with the HTTP status equal to {@code errorcode}. Times each call as {@code
 * weft_cloudstack_requests_seconds} by command and status.
 */
public final class CloudStackHttpHandler extends Handler.Abstract {
    private static final String FORM = "application/x-www-form-urlencoded";

    private final CloudStackCommandRouter dispatcher;
    private final MeterRegistry meters;
    private final int maxFormSize;

    @Inject
    public CloudStackHttpHandler(CloudStackCommandRouter dispatcher, MeterRegistry meters, HttpConfig config) {
        this.dispatcher = requireNonNull(dispatcher, "dispatcher is null");
        this.meters = requireNonNull(meters, "meters is null");
        this.maxFormSize = config.maxFormSize();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        Timer.Sample sample = Timer.start(meters);
        CloudStackReply reply = replyTo(request);
        sample.stop(Timer.builder("weft.cloudstack.requests")
                .description("CloudStack API calls by command and errorcode")
                .tag("command", reply.command())
                .tag("status", Integer.toString(reply.status()))
                .register(meters));
        if (JcloudsPodRanges.applies(request.getHeaders().get(HttpHeader.USER_AGENT), reply.command())) {
            JcloudsPodRanges.flatten(reply.envelope());
        }
        reply.description().ifPresent(text -> response.getHeaders().put("X-Description", headerSafe(text)));
        HttpResponses.send(response, reply.status(), reply.format().contentType(), render(reply), callback);
        return true;
    }

    private CloudStackReply replyTo(Request request) {
        Map<String, String> parameters = new LinkedHashMap<>();
        ResponseFormat format = ResponseFormat.XML;
        try {
            FormDecoder.decodeInto(request.getHttpURI().getQuery(), parameters);
            format = new CloudStackRequest(parameters).format();
            if (request.getMethod().equals("POST") && isForm(request)) {
                FormDecoder.decodeInto(readBody(request), parameters);
            }
        } catch (IllegalArgumentException | IOException e) {
            return CloudStackCommandRouter.error(
                    CloudStackEnvelopes.ERROR_RESPONSE,
                    ErrorCode.INVALID_PARAMETER,
                    "malformed request: " + e.getMessage(),
                    format,
                    CloudStackCommandRouter.UNKNOWN);
        }
        return dispatcher.dispatch(new CloudStackRequest(parameters));
    }

    private static boolean isForm(Request request) {
        String contentType = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith(FORM);
    }

    /** The body, refusing more than {@code http.maxFormSize} bytes. */
    private String readBody(Request request) throws IOException {
        try (InputStream in = Content.Source.asInputStream(request)) {
            byte[] body = in.readNBytes(maxFormSize + 1);
            if (body.length > maxFormSize) {
                throw new IOException("form body larger than " + maxFormSize + " bytes");
            }
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private static String render(CloudStackReply reply) throws JsonProcessingException {
        return reply.format() == ResponseFormat.JSON
                ? CloudStackEnvelopes.mapper().writeValueAsString(reply.envelope())
                : XmlResponseWriter.write(reply.envelope(), CloudStackEnvelopes.CLOUDSTACK_VERSION);
    }

    /** Header values cannot carry line breaks or non-Latin-1 text. */
    private static String headerSafe(String text) {
        StringBuilder safe = new StringBuilder(text.length());
        text.codePoints().forEach(c -> safe.append(c >= 0x20 && c < 0x7f ? (char) c : ' '));
        return safe.toString();
    }
}
