package io.weft.server.api.ec2;

import static java.util.Objects.requireNonNull;

import io.weft.server.error.ErrorCode;
import io.weft.server.error.WeftException;
import io.weft.server.tenancy.Caller;
import io.weft.spec.ec2.ActionSpec;
import io.weft.spec.ec2.Ec2Catalogue;
import io.weft.spec.ec2.Ec2ErrorSpec;
import io.weft.spec.ec2.Ec2ParamSpec;
import io.weft.spec.ec2.Ec2ParamType;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes an authenticated call to its action: unknown actions are {@code InvalidAction}, parameters
 * are checked against the catalogue (required, integer, boolean, ranges), {@code DryRun=true} only
 * checks that the caller may act on what the request names, and any failure becomes an EC2 error.
 */
final class Ec2ActionRouter {
    private static final Logger log = LoggerFactory.getLogger(Ec2ActionRouter.class);

    private final Ec2Catalogue catalogue;
    private final Map<String, Ec2Action> actions;
    private final ResourceCheck resources;
    private final Function<UUID, Optional<String>> ec2Ids;

    /** Whether the caller may act on the resource an EC2 ID names; fails with the kind's not-found. */
    @FunctionalInterface
    interface ResourceCheck {
        void check(Ec2Kind kind, Caller caller, String ec2Id);
    }

    @Inject
    Ec2ActionRouter(Ec2Catalogue catalogue, Set<Ec2Action.Family> families, Ec2IdResolver resolver) {
        this(catalogue, families, resolver::resolve, resolver::knownId);
    }

    Ec2ActionRouter(Ec2Catalogue catalogue, Set<Ec2Action.Family> families, ResourceCheck resources) {
        this(catalogue, families, resources, uuid -> Optional.empty());
    }

    private Ec2ActionRouter(
            Ec2Catalogue catalogue,
            Set<Ec2Action.Family> families,
            ResourceCheck resources,
            Function<UUID, Optional<String>> ec2Ids) {
        this.catalogue = requireNonNull(catalogue, "catalogue is null");
        this.resources = requireNonNull(resources, "resources is null");
        this.ec2Ids = requireNonNull(ec2Ids, "ec2Ids is null");
        Map<String, Ec2Action> byName = new TreeMap<>();
        for (Ec2Action.Family family : families) {
            for (Ec2Action action : family.actions()) {
                if (catalogue.action(action.name()).isEmpty()) {
                    throw new IllegalStateException("EC2 action " + action.name() + " is not in the catalogue");
                }
                if (byName.put(action.name(), action) != null) {
                    throw new IllegalStateException("EC2 action " + action.name() + " is registered twice");
                }
            }
        }
        this.actions = Map.copyOf(byName);
    }

    /** What the HTTP layer sends back: a status and an XML body. */
    record Reply(int status, String body, String action) {}

    Reply dispatch(Map<String, String> parameters, Caller caller, String requestId) {
        return dispatch(parameters, caller, Ec2Zones.REGION, requestId);
    }

    /**
     * EC2 takes no control characters in any value, and an XML answer could not give them back as
     * sent (NUL cannot be written at all, CR comes back as LF), so they are refused up front.
     */
    private static void refuseControlCharacters(Map<String, String> parameters) {
        parameters.forEach((name, value) -> {
            if (value.codePoints().anyMatch(Character::isISOControl)) {
                throw Ec2Failure.invalidValue("Value for parameter " + name + " contains a control character");
            }
        });
    }

    /** A call signed for {@code region}, which the answers report as theirs. */
    Reply dispatch(Map<String, String> parameters, Caller caller, String region, String requestId) {
        String name = parameters.getOrDefault("Action", "");
        try {
            if (name.isEmpty()) {
                throw new Ec2Failure("MissingAction", "The request must contain the parameter Action");
            }
            ActionSpec spec = catalogue
                    .action(name)
                    .filter(found -> actions.containsKey(found.name()))
                    .orElseThrow(() -> new Ec2Failure(
                            "InvalidAction", "The action " + name + " is not valid for this web service."));
            Ec2Params params = new Ec2Params(parameters);
            refuseControlCharacters(parameters);
            validate(spec, params);
            Ec2Call call = new Ec2Call(spec, params, caller, requestId, region);
            if (params.bool("DryRun").orElse(false)) {
                dryRun(call);
            }
            String body = Ec2Documents.success(
                    spec.responseRoot(), catalogue.apiVersion(), requestId, out -> actions.get(spec.name())
                            .handler()
                            .execute(call, out));
            return new Reply(200, body, spec.name());
        } catch (Ec2Failure e) {
            return error(e.code(), e.getMessage(), requestId, name);
        } catch (WeftException e) {
            Ec2Failure mapped = Ec2ErrorMapper.map(name, e, ec2Ids);
            if (e.code() == ErrorCode.INTERNAL) {
                log.warn("EC2 {} failed inside Weft", name, e);
            }
            return error(mapped.code(), mapped.getMessage(), requestId, name);
        } catch (RuntimeException e) {
            log.error("EC2 {} failed", name, e);
            return error("InternalError", "An internal error has occurred", requestId, name);
        }
    }

    Reply error(String code, String message, String requestId, String action) {
        int status = catalogue.error(code).map(Ec2ErrorSpec::httpStatus).orElse(400);
        return new Reply(status, Ec2Documents.error(code, message, requestId), action.isEmpty() ? "none" : action);
    }

    private static void validate(ActionSpec spec, Ec2Params params) {
        for (Ec2ParamSpec param : spec.params()) {
            boolean listed = param.name().contains(".N") || param.name().contains(".M");
            if (param.required() && !listed) {
                params.required(param.name());
            }
            if (param.required() && listed) {
                boolean present = params.asMap().keySet().stream().anyMatch(param::matches);
                if (!present) {
                    throw Ec2Failure.missing(param.name().replace(".N", ".1").replace(".M", ".1"));
                }
            }
            for (Map.Entry<String, String> entry : params.asMap().entrySet()) {
                if (param.matches(entry.getKey())) {
                    check(param, entry.getKey(), entry.getValue());
                }
            }
        }
    }

    private static void check(Ec2ParamSpec param, String wireName, String value) {
        if (param.type() == Ec2ParamType.BOOLEAN && !value.equals("true") && !value.equals("false")) {
            throw Ec2Failure.invalidValue("Invalid value '" + value + "' for " + wireName + ": must be true or false");
        }
        if (param.type() == Ec2ParamType.INTEGER) {
            long number;
            try {
                number = Long.parseLong(value.strip());
            } catch (NumberFormatException e) {
                throw Ec2Failure.invalidValue("Invalid value '" + value + "' for " + wireName + ": not an integer");
            }
            param.limits().filter(range -> !range.contains(number)).ifPresent(range -> {
                throw Ec2Failure.invalidValue("Value (" + value + ") for parameter " + wireName
                        + " is invalid. Expecting a value between " + range.min() + " and " + range.max());
            });
        }
    }

    /**
     * EC2's DryRun: authorized (every resource the request names is the caller's to act on) is {@code
     * DryRunOperation}, else {@code UnauthorizedOperation}; nothing changes either way.
     */
    private void dryRun(Ec2Call call) {
        for (Map.Entry<String, String> entry : call.params().asMap().entrySet()) {
            String value = entry.getValue();
            // Only what has the exact shape of an ID is one; a description may well start with "i-".
            Ec2Kind.ofId(value).filter(kind -> kind.looksLike(value)).ifPresent(kind -> {
                try {
                    resources.check(kind, call.caller(), value);
                } catch (Ec2Failure e) {
                    throw new Ec2Failure(
                            "UnauthorizedOperation", "You are not authorized to perform this operation on " + value);
                }
            });
        }
        throw new Ec2Failure("DryRunOperation", "Request would have succeeded, but DryRun flag is set.");
    }
}
