package io.weft.server.api.ec2;

import static java.util.Objects.requireNonNull;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.weft.server.http.HttpConfig;
import io.weft.server.http.HttpResponses;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The EC2 Query API over HTTP (API-COMPAT §3.1): {@code POST /} with a form body (or GET with a
 * query), SigV4-signed. The raw body is kept for the signature, then decoded. sts:GetCallerIdentity
 * is answered here too, as the tools that drive EC2 ask it at the same endpoint. Times each call as
 * {@code weft_ec2_requests_seconds} by action and status.
 */
final class Ec2HttpHandler extends Handler.Abstract {
    static final String PATH = "/";
    private static final String XML = "text/xml;charset=UTF-8";

    private final Ec2Authenticator authenticator;
    private final Ec2ActionRouter dispatcher;
    private final StsCallerIdentity callerIdentity;
    private final MeterRegistry meters;
    private final int maxFormSize;

    @Inject
    Ec2HttpHandler(
            Ec2Authenticator authenticator,
            Ec2ActionRouter dispatcher,
            StsCallerIdentity callerIdentity,
            MeterRegistry meters,
            HttpConfig config) {
        this.authenticator = requireNonNull(authenticator, "authenticator is null");
        this.dispatcher = requireNonNull(dispatcher, "dispatcher is null");
        this.callerIdentity = requireNonNull(callerIdentity, "callerIdentity is null");
        this.meters = requireNonNull(meters, "meters is null");
        this.maxFormSize = config.maxFormSize();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (!PATH.equals(Request.getPathInContext(request))) {
            HttpResponses.send(response, 404, "text/plain; charset=UTF-8", "not found\n", callback);
            return true;
        }
        Timer.Sample sample = Timer.start(meters);
        Ec2ActionRouter.Reply reply = replyTo(request, UUID.randomUUID().toString());
        sample.stop(Timer.builder("weft.ec2.requests")
                .description("EC2 API calls by action and status")
                .tag("action", reply.action())
                .tag("status", Integer.toString(reply.status()))
                .register(meters));
        HttpResponses.send(response, reply.status(), XML, reply.body(), callback);
        return true;
    }

    private Ec2ActionRouter.Reply replyTo(Request request, String requestId) {
        try {
            Ec2WireRequest wire = wire(request);
            Ec2Authenticator.SignedCaller signed = authenticator.signedCaller(wire);
            Map<String, String> parameters = new LinkedHashMap<>(FormQuery.firstValues(wire.rawQuery()));
            if (isForm(wire)) {
                FormQuery.firstValues(new String(wire.body(), StandardCharsets.UTF_8))
                        .forEach(parameters::putIfAbsent);
            }
            if (StsCallerIdentity.ACTION.equals(parameters.get("Action"))) {
                return new Ec2ActionRouter.Reply(
                        200, callerIdentity.reply(signed.caller(), requestId), StsCallerIdentity.ACTION);
            }
            return dispatcher.dispatch(parameters, signed.caller(), signed.region(), requestId);
        } catch (Ec2Failure e) {
            return dispatcher.error(e.code(), e.getMessage(), requestId, "");
        } catch (IOException e) {
            return dispatcher.error("InvalidParameterValue", e.getMessage(), requestId, "");
        }
    }

    private static boolean isForm(Ec2WireRequest wire) {
        return wire.method().equals("POST")
                && wire.header("content-type")
                        .map(type -> type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded"))
                        .orElse(false);
    }

    private Ec2WireRequest wire(Request request) throws IOException {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (HttpField field : request.getHeaders()) {
            headers.computeIfAbsent(field.getName(), name -> new ArrayList<>()).add(field.getValue());
        }
        if (request.getHeaders().get(HttpHeader.HOST) == null
                && request.getHttpURI().getAuthority() != null) {
            headers.put("host", List.of(request.getHttpURI().getAuthority()));
        }
        String query = request.getHttpURI().getQuery();
        return new Ec2WireRequest(
                request.getMethod(),
                request.getHttpURI().getPath(),
                query == null ? "" : query,
                headers,
                readBody(request));
    }

    /** The body, refusing more than {@code http.maxFormSize} bytes. */
    private byte[] readBody(Request request) throws IOException {
        try (InputStream in = Content.Source.asInputStream(request)) {
            byte[] body = in.readNBytes(maxFormSize + 1);
            if (body.length > maxFormSize) {
                throw new IOException("request body larger than " + maxFormSize + " bytes");
            }
            return body;
        }
    }
}
