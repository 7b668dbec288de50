package io.weft.server.api.cloudstack;

/**
 * Checks a request's parameters against what the command declares (required, type, length)
 * before the command runs, throwing {@link io.weft.server.error.WeftException} with {@code
 * MISSING_PARAMETER} or {@code INVALID_PARAMETER}.
 *
 * <p>The default accepts everything; the API catalogue feature replaces it with {@code
 * OptionalBinder.newOptionalBinder(binder(), ParameterValidator.class).setBinding()}.
 */
public interface ParameterValidator {
    void validate(CloudStackCommand command, Params params);

    static ParameterValidator acceptAll() {
        return (command, params) -> {};
    }
}
