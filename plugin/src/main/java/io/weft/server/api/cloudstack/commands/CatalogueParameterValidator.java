package io.weft.server.api.cloudstack.commands;

import static java.util.Objects.requireNonNull;

import io.weft.server.api.cloudstack.CloudStackCommand;
import io.weft.server.api.cloudstack.ParameterValidator;
import io.weft.server.api.cloudstack.Params;
import io.weft.server.error.ErrorCode;
import io.weft.server.error.WeftException;
import io.weft.spec.cloudstack.CloudStackCatalogue;
import io.weft.spec.cloudstack.CommandSpec;
import io.weft.spec.cloudstack.ParameterProblem;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Checks parameters against the API catalogue before a command runs, so that a missing or
 * malformed parameter is one 431 with CloudStack's wording and the command never sees it.
 * Commands outside the catalogue (allowed only through {@link CatalogueCheck}) are not checked.
 */
public final class CatalogueParameterValidator implements ParameterValidator {
    private final CloudStackCatalogue catalogue;

    @Inject
    public CatalogueParameterValidator(CloudStackCatalogue catalogue) {
        this.catalogue = requireNonNull(catalogue, "catalogue is null");
    }

    @Override
    public void validate(CloudStackCommand command, Params params) {
        Optional<CommandSpec> spec = catalogue.command(command.name());
        if (spec.isEmpty()) {
            return;
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : params.names()) {
            values.put(name, params.get(name).orElse(""));
        }
        io.weft.spec.cloudstack.ParameterValidator.firstProblem(spec.get(), values)
                .ifPresent(problem -> {
                    throw new WeftException(
                            problem.kind() == ParameterProblem.Kind.MISSING
                                    ? ErrorCode.MISSING_PARAMETER
                                    : ErrorCode.INVALID_PARAMETER,
                            problem.message());
                });
    }
}
