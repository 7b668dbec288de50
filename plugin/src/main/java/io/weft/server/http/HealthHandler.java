package io.weft.server.http;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /health}: 200 and {@code {"status":"UP","checks":{"broker":"UP","database":"UP"}}} when
 * every check passes, 503 and {@code "DOWN"} for the failing ones otherwise. Load balancers and
 * the process tests poll it.
 */
public final class HealthHandler extends Handler.Abstract {
    private static final Logger log = LoggerFactory.getLogger(HealthHandler.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<HealthCheck> checks;

    @Inject
    public HealthHandler(Set<HealthCheck> checks) {
        this.checks = requireNonNull(checks, "checks is null").stream()
                .sorted(Comparator.comparing(HealthCheck::name))
                .toList();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode results = JSON.createObjectNode();
        boolean allUp = true;
        for (HealthCheck check : checks) {
            boolean up = isUp(check);
            results.put(check.name(), up ? "UP" : "DOWN");
            allUp &= up;
        }
        body.put("status", allUp ? "UP" : "DOWN");
        body.set("checks", results);
        HttpResponses.send(
                response,
                allUp ? 200 : 503,
                "application/json; charset=UTF-8",
                JSON.writeValueAsString(body),
                callback);
        return true;
    }

    private static boolean isUp(HealthCheck check) {
        try {
            return check.healthy();
        } catch (Exception e) {
            log.warn("health check {} failed: {}", check.name(), e.toString());
            return false;
        }
    }
}
