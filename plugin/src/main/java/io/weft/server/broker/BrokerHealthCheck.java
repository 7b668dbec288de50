package io.weft.server.broker;

import static java.util.Objects.requireNonNull;

import io.weft.server.http.HealthCheck;
import jakarta.inject.Inject;

/** {@code broker} in {@code /health}. */
public final class BrokerHealthCheck implements HealthCheck {
    private final MessageBroker broker;

    @Inject
    public BrokerHealthCheck(MessageBroker broker) {
        this.broker = requireNonNull(broker, "broker is null");
    }

    @Override
    public String name() {
        return "broker";
    }

    @Override
    public boolean healthy() {
        return broker.healthy();
    }
}
