package io.weft.it.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.weft.testsupport.ApiKeys;
import io.weft.testsupport.cloudstack.CloudStackClient;
import io.weft.testsupport.cloudstack.CloudStackClient.Reply;
import io.weft.testsupport.cloudstack.Params;
import io.weft.testsupport.cloudstack.SigningVariant;
import java.net.URI;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;

/**
 * The calls of github.com/apache/cloudstack-go ({@code cloudstack/cloudstack.go}) as the Terraform
 * provider makes them, over Weft's real HTTP endpoint and signed as cloudstack-go signs (HMAC-SHA1
 * over the lower-cased, name-sorted query with {@code signatureversion=3} and {@code expires}):
 *
 * <ul>
 *   <li>{@code newRequest} sends list and query commands by GET, {@code newPostRequest} sends
 *       create, update and delete commands as a POST form;
 *   <li>any status but 200 is an error whose text is {@code CloudStack API error <errorcode>
 *       (CSExceptionErrorCode: <cserrorcode>): <errortext>}, which the provider searches for the
 *       "entity does not exist" sentence;
 *   <li>{@code getRawValue} takes the single value under the response envelope (and again under a
 *       create command's or a job's result), so a second key there would make Go's random map order
 *       pick either;
 *   <li>the async client polls {@code queryAsyncJobResult} by GET until {@code jobstatus} is 1
 *       ({@code jobresult}) or 2 (an error);
 *   <li>{@code GetXxxByID} lists with {@code id} and answers a count: 0 on an empty list or on
 *       the "entity does not exist" error, which the provider's Read turns into "gone".
 * </ul>
 *
 * Every decoded value is checked against the Go struct it is decoded into ({@link GoResponseTypes}).
 */
final class CloudStackGo {
    /** The text CloudStack gives for an id it cannot resolve, and that cloudstack-go and the provider look for. */
    static final String ENTITY_DOES_NOT_EXIST = "due to incorrect long value format, or entity does not exist";

    private static final Duration JOB_TIMEOUT = Duration.ofSeconds(60);

    /** What cloudstack-go returns as {@code err}: the text the provider matches. */
    static final class GoError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        GoError(String message) {
            super(message);
        }

        /** The provider's test for "already gone": the id it sent, in CloudStack's sentence. */
        boolean saysEntityDoesNotExist(String id) {
            return getMessage().contains("Invalid parameter id value=" + id + " " + ENTITY_DOES_NOT_EXIST);
        }
    }

    /** {@code GetXxxByID}'s answer: the object, or a count of 0 (gone) and the error text. */
    record Lookup(int count, JsonNode item, String error) {
        boolean gone() {
            return count == 0;
        }
    }

    private final CloudStackClient posting;
    private final CloudStackClient querying;
    private final GoResponseTypes types = GoResponseTypes.get();

    private CloudStackGo(CloudStackClient client) {
        this.posting = client.signingAs(SigningVariant.CLOUDSTACK_GO);
        this.querying = posting.sendingQueries();
    }

    static CloudStackGo of(URI api, ApiKeys keys) {
        return new CloudStackGo(CloudStackClient.of(api, keys));
    }

    /** {@code newRequest} for a list command, decoded into {@code listStruct} ({@code ListNetworksResponse}...). */
    JsonNode list(String command, Params params, String listStruct) {
        JsonNode inner = decode(command, querying.call(command, params));
        types.assertFits(listStruct, inner);
        Iterator<Map.Entry<String, JsonNode>> fields = inner.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getValue().isArray() && !field.getValue().isEmpty()) {
                assertThat(inner.path("count").isIntegralNumber())
                        .as("%s lists items without a count, so cloudstack-go finds none: %s", command, inner)
                        .isTrue();
            }
        }
        return inner;
    }

    /** {@code GetXxxByID}: {@code listCommand id=<id>} plus {@code extra}, as a count and an item. */
    Lookup byId(String listCommand, String key, String listStruct, String id, Params extra) {
        Params params = Params.of("id", id).and(extra);
        Reply reply = querying.call(listCommand, params);
        if (reply.status() != 200) {
            String error = errorText(reply);
            if (error.contains("Invalid parameter id value=" + id + " " + ENTITY_DOES_NOT_EXIST)) {
                return new Lookup(0, null, "No match found for " + id);
            }
            throw new GoError(error);
        }
        JsonNode inner = reply.inner();
        types.assertFits(listStruct, inner);
        int count = inner.path("count").asInt(0);
        if (count == 0) {
            return new Lookup(0, null, "No match found for " + id);
        }
        assertThat(count)
                .as("%s id=%s found more than one: %s", listCommand, id, inner)
                .isEqualTo(1);
        return new Lookup(1, inner.path(key).get(0), null);
    }

    /**
     * {@code GetXxxID}: {@code listCommand <nameParameter>=<name>}; one item is the answer, several
     * are searched for an exact name.
     */
    String idByName(
            String listCommand, String key, String listStruct, String nameParameter, String name, Params extra) {
        Params params = Params.of(nameParameter, name).and(extra);
        JsonNode list = list(listCommand, params, listStruct);
        int count = list.path("count").asInt(0);
        assertThat(count)
                .as("%s %s=%s found nothing", listCommand, nameParameter, name)
                .isPositive();
        if (count == 1) {
            return list.path(key).get(0).get("id").asText();
        }
        for (JsonNode item : list.path(key)) {
            if (item.path("name").asText().equals(name)) {
                return item.get("id").asText();
            }
        }
        throw new AssertionError("no exact match for " + name + " in " + list);
    }

    /** {@code newPostRequest} for a synchronous command; the value under the envelope, decoded as is. */
    JsonNode post(String command, Params params, String struct) {
        JsonNode inner = decode(command, posting.call(command, params));
        types.assertFits(struct, inner);
        return inner;
    }

    /** {@code newPostRequest} then {@code getRawValue}, as the sync create commands decode their object. */
    JsonNode postUnwrapped(String command, Params params, String struct) {
        JsonNode value = rawValue(command, decode(command, posting.call(command, params)));
        types.assertFits(struct, value);
        return value;
    }

    /**
     * An async command through the async client: submit by POST, poll the job by GET, decode its
     * {@code jobresult} into {@code struct}, through {@code getRawValue} first when {@code unwrap}.
     */
    JsonNode postAsync(String command, Params params, String struct, boolean unwrap) {
        JsonNode submitted = decode(command, posting.call(command, params));
        assertThat(submitted.path("jobid").isTextual())
                .as("%s answered no job id: %s", command, submitted)
                .isTrue();
        JsonNode result = await(command, submitted.get("jobid").asText());
        JsonNode value = unwrap ? rawValue(command, result) : result;
        types.assertFits(struct, value);
        return value;
    }

    /** The error cloudstack-go returns for {@code command}, which must fail (synchronously or in its job). */
    GoError postFailing(String command, Params params, boolean async) {
        Reply reply = posting.call(command, params);
        if (reply.status() != 200) {
            return new GoError(errorText(reply));
        }
        assertThat(async)
                .as("%s was expected to fail but answered %s", command, reply.text())
                .isTrue();
        try {
            await(command, reply.inner().get("jobid").asText());
        } catch (GoError e) {
            return e;
        }
        throw new AssertionError(command + " was expected to fail but its job succeeded");
    }

    private JsonNode await(String command, String jobId) {
        long deadline = System.nanoTime() + JOB_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode job = decode("queryAsyncJobResult", querying.call("queryAsyncJobResult", "jobid", jobId));
            types.assertFits("QueryAsyncJobResultResponse", job);
            int status = job.path("jobstatus").asInt(-1);
            if (status == 1) {
                return job.get("jobresult");
            }
            if (status == 2) {
                // The SDK's own wording for a failed job whose result type is not "text".
                throw new GoError("Undefined error: " + job.get("jobresult"));
            }
            assertThat(status).as("%s job %s: %s", command, jobId, job).isZero();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError(command + " job " + jobId + " did not finish within " + JOB_TIMEOUT);
    }

    /** The value under the one envelope key, or a {@link GoError} carrying CloudStack's error. */
    private static JsonNode decode(String command, Reply reply) {
        if (reply.status() != 200) {
            throw new GoError(errorText(reply));
        }
        assertThat(reply.body().size())
                .as("%s: the envelope has more than one key: %s", command, reply.text())
                .isEqualTo(1);
        return reply.inner();
    }

    /** {@code getRawValue}: the single value of an object; a second key would be picked at random. */
    private static JsonNode rawValue(String command, JsonNode object) {
        assertThat(object.isObject())
                .as("%s: not an object: %s", command, object)
                .isTrue();
        assertThat(object.size())
                .as("%s: cloudstack-go takes a random one of several keys: %s", command, object)
                .isEqualTo(1);
        return object.elements().next();
    }

    /** {@code CSError.Error()}: the text the provider's {@code strings.Contains} runs on. */
    private static String errorText(Reply reply) {
        JsonNode error = reply.inner();
        assertThat(error.path("errorcode").isIntegralNumber()
                        && error.path("cserrorcode").isIntegralNumber())
                .as("CSError needs numeric errorcode and cserrorcode: %s", reply.text())
                .isTrue();
        return "CloudStack API error " + error.get("errorcode").asInt() + " (CSExceptionErrorCode: "
                + error.get("cserrorcode").asInt() + "): "
                + error.path("errortext").asText();
    }
}
