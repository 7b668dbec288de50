package io.weft.server.api.cloudstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.weft.server.error.ErrorCode;
import io.weft.server.error.WeftException;
import io.weft.server.tenancy.Caller;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

class CloudStackCommandRouterTest {
    private final InMemoryApiKeyDirectory directory = new InMemoryApiKeyDirectory().addRootAdmin("KEY", "SECRET");
    private final RecordingJobs jobs = new RecordingJobs();

    @Test
    void unknownCommandIsA432ErrorResponse() throws Exception {
        CloudStackReply reply = dispatch(Set.of(), "command", "frobnicate", "response", "json");

        assertThat(reply.status()).isEqualTo(432);
        assertThat(json(reply))
                .isEqualTo("{\"errorresponse\":{\"uuidList\":[],\"errorcode\":432,\"cserrorcode\":9999,"
                        + "\"errortext\":\"Unknown API command: frobnicate\"}}");
        assertThat(reply.description()).contains("Unknown API command: frobnicate");
    }

    @Test
    void unsignedRequestIsA401NamedAfterTheCommand() throws Exception {
        CloudStackReply reply = dispatcher(Set.of())
                .dispatch(new CloudStackRequest(Map.of("command", "listZones", "response", "json")));

        assertThat(reply.status()).isEqualTo(401);
        JsonNode body = reply.envelope().get("listzonesresponse");
        assertThat(body.get("errorcode").asInt()).isEqualTo(401);
        assertThat(body.get("errortext").asText()).isEqualTo(CloudStackAuthenticator.FAILURE_TEXT);
    }

    @Test
    void singleObjectIsWrappedInTheCommandEnvelope() throws Exception {
        CloudStackReply reply =
                dispatch(Set.of(new ListCapabilitiesCommand()), "command", "listCapabilities", "response", "json");

        assertThat(reply.status()).isEqualTo(200);
        JsonNode capability = reply.envelope().get("listcapabilitiesresponse").get("capability");
        assertThat(capability.get("cloudstackversion").asText()).isEqualTo(CloudStackEnvelopes.CLOUDSTACK_VERSION);
        assertThat(capability.get("securitygroupsenabled").isBoolean()).isTrue();
        assertThat(capability.has("supportELB")).isTrue();
    }

    @Test
    void commandNameIsMatchedIgnoringCase() {
        CloudStackReply reply = dispatch(Set.of(new ListCapabilitiesCommand()), "command", "listcapabilities");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.envelope().has("listcapabilitiesresponse")).isTrue();
        assertThat(reply.command()).isEqualTo("listCapabilities");
    }

    @Test
    void listHasCountAndItems() throws Exception {
        CloudStackCommand list = command(
                "listThings",
                false,
                (caller, params) -> CloudStackResult.list("thing", List.of(Map.of("id", "a"), Map.of("id", "b")), 7));

        assertThat(json(dispatch(Set.of(list), "command", "listThings")))
                .isEqualTo("{\"listthingsresponse\":{\"count\":7,\"thing\":[{\"id\":\"a\"},{\"id\":\"b\"}]}}");
    }

    @Test
    void emptyListIsAnEmptyObject() throws Exception {
        CloudStackCommand list =
                command("listThings", false, (caller, params) -> CloudStackResult.list("thing", List.of(), 0));

        assertThat(json(dispatch(Set.of(list), "command", "listThings"))).isEqualTo("{\"listthingsresponse\":{}}");
    }

    @Test
    void successIsABoolean() throws Exception {
        CloudStackCommand delete = command("deleteThing", false, (caller, params) -> CloudStackResult.success());

        assertThat(json(dispatch(Set.of(delete), "command", "deleteThing")))
                .isEqualTo("{\"deletethingresponse\":{\"success\":true}}");
    }

    @Test
    void nullFieldsAreOmittedAndDatesUseCloudStackFormat() throws Exception {
        record Thing(String id, String name, Instant created) {}
        CloudStackCommand get = command(
                "getThing",
                false,
                (caller, params) ->
                        CloudStackResult.object("thing", new Thing("a", null, Instant.parse("2024-05-01T10:00:00Z"))));

        assertThat(json(dispatch(Set.of(get), "command", "getThing")))
                .isEqualTo(
                        "{\"getthingresponse\":{\"thing\":{\"id\":\"a\",\"created\":\"2024-05-01T10:00:00+0000\"}}}");
    }

    @Test
    void asyncCommandIsSubmittedAndAnswersWithTheJobId() throws Exception {
        CloudStackCommand delete = command("deleteNetwork", true, (caller, params) -> CloudStackResult.success());

        CloudStackReply reply = dispatch(Set.of(delete), "command", "deleteNetwork", "id", "n1");

        assertThat(json(reply)).isEqualTo("{\"deletenetworkresponse\":{\"jobid\":\"job-1\"}}");
        assertThat(jobs.submitted).hasSize(1);
        assertThat(jobs.submitted.get(0).get("id")).contains("n1");
    }

    @Test
    void asyncCreateCommandAnswersWithIdAndJobIdAndPassesTheIdToTheJob() throws Exception {
        AsyncCreateCommand deploy = new AsyncCreateCommand() {
            @Override
            public String name() {
                return "deployVirtualMachine";
            }

            @Override
            public String create(Caller caller, Params params) {
                return "vm-1";
            }

            @Override
            public CloudStackResult execute(Caller caller, Params params) {
                return CloudStackResult.object(
                        "virtualmachine", Map.of("id", params.entityId().orElseThrow()));
            }
        };

        CloudStackReply reply = dispatch(Set.of(deploy), "command", "deployVirtualMachine");

        assertThat(json(reply)).isEqualTo("{\"deployvirtualmachineresponse\":{\"id\":\"vm-1\",\"jobid\":\"job-1\"}}");
        assertThat(jobs.submitted.get(0).entityId()).contains("vm-1");
    }

    @Test
    void weftExceptionsMapToTheirErrorCodes() {
        for (ErrorCode code : ErrorCode.values()) {
            CloudStackCommand failing = command("doThing", false, (caller, params) -> {
                throw new WeftException(code, "it failed");
            });
            CloudStackReply reply = dispatch(Set.of(failing), "command", "doThing");
            CloudStackError expected = CloudStackError.of(code);
            JsonNode body = reply.envelope().get("dothingresponse");
            assertThat(reply.status()).as(code.name()).isEqualTo(expected.errorCode());
            assertThat(body.get("errorcode").asInt()).isEqualTo(expected.errorCode());
            assertThat(body.get("cserrorcode").asInt()).isEqualTo(expected.csErrorCode());
            assertThat(body.get("errortext").asText()).isEqualTo("it failed");
        }
    }

    @Test
    void unexpectedExceptionIsA530WithoutItsMessage() {
        CloudStackCommand failing = command("doThing", false, (caller, params) -> {
            throw new IllegalStateException("secret internals");
        });

        CloudStackReply reply = dispatch(Set.of(failing), "command", "doThing");

        assertThat(reply.status()).isEqualTo(530);
        assertThat(reply.envelope().toString()).doesNotContain("secret internals");
    }

    @Test
    void missingRequiredParameterUsesCloudStacksMessage() {
        CloudStackCommand create = command("createZone", false, (caller, params) -> {
            params.required("name");
            return CloudStackResult.success();
        });

        CloudStackReply reply = dispatch(Set.of(create), "command", "createZone");

        assertThat(reply.status()).isEqualTo(431);
        assertThat(reply.envelope().get("createzoneresponse").get("errortext").asText())
                .isEqualTo("Unable to execute API command createzone due to missing parameter name");
    }

    @Test
    void validatorRunsBeforeTheCommand() {
        List<String> ran = new ArrayList<>();
        CloudStackCommand create = command("createZone", false, (caller, params) -> {
            ran.add("command");
            return CloudStackResult.success();
        });
        ParameterValidator rejectAll = (command, params) -> {
            throw params.missing("dns1");
        };
        CloudStackCommandRouter dispatcher =
                new CloudStackCommandRouter(authenticator(), new CommandRegistry(Set.of(create)), rejectAll, jobs);

        CloudStackReply reply = dispatcher.dispatch(
                new CloudStackRequest(SignedRequests.sign("KEY", "SECRET", "command", "createZone")));

        assertThat(reply.status()).isEqualTo(431);
        assertThat(ran).isEmpty();
    }

    @Test
    void withoutResponseJsonTheReplyIsXml() {
        CloudStackReply reply = dispatch(Set.of(new ListCapabilitiesCommand()), "command", "listCapabilities");
        assertThat(reply.format()).isEqualTo(ResponseFormat.XML);
    }

    private CloudStackReply dispatch(Set<CloudStackCommand> commands, String... namesAndValues) {
        return dispatcher(commands)
                .dispatch(new CloudStackRequest(SignedRequests.sign("KEY", "SECRET", namesAndValues)));
    }

    private CloudStackCommandRouter dispatcher(Set<CloudStackCommand> commands) {
        return new CloudStackCommandRouter(
                authenticator(), new CommandRegistry(commands), ParameterValidator.acceptAll(), jobs);
    }

    private CloudStackAuthenticator authenticator() {
        return new CloudStackAuthenticator(
                directory, new ApiConfig(false, Duration.ofMinutes(15), 500), Clock.systemUTC());
    }

    private static String json(CloudStackReply reply) throws Exception {
        return CloudStackEnvelopes.mapper().writeValueAsString(reply.envelope());
    }

    private static CloudStackCommand command(
            String name, boolean async, BiFunction<Caller, Params, CloudStackResult> body) {
        return new CloudStackCommand() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public boolean async() {
                return async;
            }

            @Override
            public CloudStackResult execute(Caller caller, Params params) {
                return body.apply(caller, params);
            }
        };
    }

    /** Records submissions instead of running them. */
    private static final class RecordingJobs implements AsyncJobService {
        final List<Params> submitted = new ArrayList<>();

        @Override
        public String submit(Caller caller, CloudStackCommand command, Params params) {
            submitted.add(params);
            return "job-" + submitted.size();
        }
    }
}
