package io.weft.spec.cloudstack;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One command of the CloudStack-compatible API.
 *
 * @param responseKind the shape of the reply (sync) or of the job result (async)
 * @param responseObjectName the key that holds the result object or list ({@code securitygroup}, {@code asyncjobs});
 *     {@code success} for {@link ResponseKind#SUCCESS}, the object's name for {@link ResponseKind#INLINE}
 * @param response the fields of that object
 */
public record CommandSpec(
        String name,
        String description,
        Execution execution,
        String since,
        List<String> related,
        List<ParamSpec> params,
        ResponseKind responseKind,
        String responseObjectName,
        List<ResponseFieldSpec> response) {
    public CommandSpec {
        requireNonNull(name, "name is null");
        requireNonNull(description, "description is null");
        requireNonNull(execution, "execution is null");
        requireNonNull(since, "since is null");
        related = List.copyOf(requireNonNull(related, "related is null"));
        params = List.copyOf(requireNonNull(params, "params is null"));
        requireNonNull(responseKind, "responseKind is null");
        requireNonNull(responseObjectName, "responseObjectName is null");
        response = List.copyOf(requireNonNull(response, "response is null"));
        long distinct = params.stream()
                .map(param -> param.name().toLowerCase(Locale.ROOT))
                .distinct()
                .count();
        if (distinct != params.size()) {
            throw new IllegalArgumentException(name + " declares a parameter twice");
        }
    }

    /** Whether clients must poll a job, as {@code listApis} reports it in {@code isasync}. */
    public boolean async() {
        return execution.isAsync();
    }

    /** The parameter called {@code paramName}, ignoring case as the server does when it reads requests. */
    public Optional<ParamSpec> param(String paramName) {
        requireNonNull(paramName, "paramName is null");
        return params.stream()
                .filter(param -> param.name().equalsIgnoreCase(paramName))
                .findFirst();
    }

    /** The envelope key of the reply, {@code <lower-cased name>response}. */
    public String envelopeName() {
        return name.toLowerCase(Locale.ROOT) + "response";
    }
}
