package io.weft.server.api.cloudstack;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.weft.server.error.ErrorCode;
import io.weft.server.error.WeftException;
import io.weft.server.tenancy.Caller;
import jakarta.inject.Inject;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CloudStack API edge without HTTP: authenticates a request, finds the command, validates its
 * parameters, runs it (or submits it as a job) and wraps the outcome in CloudStack's envelope.
 * {@link WeftException}s become CloudStack errors here and only here.
 */
public final class CloudStackCommandRouter {
    static final String UNKNOWN = "unknown";

    private static final Logger log = LoggerFactory.getLogger(CloudStackCommandRouter.class);
    private static final String INTERNAL_ERROR_TEXT =
            "Internal error executing command, please contact your system administrator";

    private final CloudStackAuthenticator authenticator;
    private final CommandRegistry registry;
    private final ParameterValidator validator;
    private final AsyncJobService jobs;

    @Inject
    public CloudStackCommandRouter(
            CloudStackAuthenticator authenticator,
            CommandRegistry registry,
            ParameterValidator validator,
            AsyncJobService jobs) {
        this.authenticator = requireNonNull(authenticator, "authenticator is null");
        this.registry = requireNonNull(registry, "registry is null");
        this.validator = requireNonNull(validator, "validator is null");
        this.jobs = requireNonNull(jobs, "jobs is null");
    }

    public CloudStackReply dispatch(CloudStackRequest request) {
        ResponseFormat format = request.format();
        Optional<String> commandName = request.parameter("command").filter(name -> !name.isBlank());
        // Until the command is known, errors are named after what the client sent, as CloudStack does.
        String envelope = commandName.map(CloudStackEnvelopes::envelopeName).orElse(CloudStackEnvelopes.ERROR_RESPONSE);
        String metricName = UNKNOWN;
        Optional<Params> sent = Optional.empty();
        try {
            Caller caller = authenticator.authenticate(request);
            if (commandName.isEmpty()) {
                throw new WeftException(ErrorCode.MISSING_PARAMETER, "missing parameter command");
            }
            Optional<CloudStackCommand> found = registry.find(commandName.get());
            if (found.isEmpty()) {
                // cmk retries login on any 401, so an unknown command is 432 and not CloudStack's 401.
                envelope = CloudStackEnvelopes.ERROR_RESPONSE;
                throw new WeftException(ErrorCode.UNKNOWN_COMMAND, "Unknown API command: " + commandName.get());
            }
            CloudStackCommand command = found.get();
            metricName = command.name();
            envelope = CloudStackEnvelopes.envelopeName(command.name());
            if (!RootAdminCommands.availableTo(caller, command.name())) {
                throw new WeftException(ErrorCode.UNKNOWN_COMMAND, RootAdminCommands.notAvailableText(command.name()));
            }
            Params params = Params.of(command.name(), request.parameters());
            sent = Optional.of(params);
            validator.validate(command, params);
            return success(envelope, run(command, caller, params), format, metricName);
        } catch (WeftException e) {
            if (e.code() == ErrorCode.INTERNAL) {
                log.error("CloudStack command {} failed", metricName, e);
            }
            return error(envelope, e.code(), VanishedEntityText.of(metricName, sent, e), format, metricName);
        } catch (RuntimeException e) {
            log.error("CloudStack command {} failed unexpectedly", metricName, e);
            return error(envelope, ErrorCode.INTERNAL, INTERNAL_ERROR_TEXT, format, metricName);
        }
    }

    private ObjectNode run(CloudStackCommand command, Caller caller, Params params) {
        if (!command.async()) {
            return CloudStackEnvelopes.body(command.execute(caller, params));
        }
        Optional<String> entityId = Optional.empty();
        Params jobParams = params;
        if (command instanceof AsyncCreateCommand create) {
            entityId = Optional.of(create.create(caller, params));
            jobParams = params.withEntityId(entityId.get());
        }
        String jobId = jobs.submit(caller, command, jobParams);
        return CloudStackEnvelopes.jobBody(entityId, jobId);
    }

    private static CloudStackReply success(String envelope, ObjectNode body, ResponseFormat format, String command) {
        return new CloudStackReply(200, CloudStackEnvelopes.wrap(envelope, body), format, command, Optional.empty());
    }

    static CloudStackReply error(String envelope, ErrorCode code, String text, ResponseFormat format, String command) {
        CloudStackError error = CloudStackError.of(code);
        return new CloudStackReply(
                error.errorCode(),
                CloudStackEnvelopes.wrap(envelope, CloudStackEnvelopes.errorBody(error, text)),
                format,
                command,
                Optional.of(text));
    }
}
