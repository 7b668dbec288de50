package io.weft.it.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The REST APIs' description in api-spec, used as the test oracle: which operations exist, and the
 * JSON schema each response must satisfy.
 */
public final class OpenApiContract {
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private final JsonNode document;
    private final JsonSchemaFactory schemas = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    public OpenApiContract() {
        try (InputStream in = OpenApiContract.class.getResourceAsStream("/io/weft/spec/weft-rest.openapi.yaml")) {
            document = new YAMLMapper().readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the OpenAPI description", e);
        }
    }

    /** Every described operation as "METHOD /template". */
    public Set<String> operations() {
        Set<String> operations = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<String> methods = path.getValue().fieldNames(); methods.hasNext(); ) {
                String method = methods.next();
                if (!method.equals("parameters")) {
                    operations.add(method.toUpperCase(java.util.Locale.ROOT) + " " + path.getKey());
                }
            }
        }
        return operations;
    }

    /** Asserts that the response of {@code METHOD template} with {@code status} is described and fits. */
    public void assertResponse(String method, String template, int status, String body) {
        JsonNode operation = document.path("paths").path(template).path(method.toLowerCase(java.util.Locale.ROOT));
        assertThat(operation.isMissingNode())
                .as("%s %s is described", method, template)
                .isFalse();
        JsonNode response = operation.path("responses").path(Integer.toString(status));
        assertThat(response.isMissingNode())
                .as("status %d of %s %s is described", status, method, template)
                .isFalse();
        if (response.has("$ref")) {
            response = resolve(response.get("$ref").asText());
        }
        JsonNode schema = response.path("content").path("application/json").path("schema");
        if (schema.isMissingNode()) {
            assertThat(body)
                    .as("%s %s %d has no body", method, template, status)
                    .isEmpty();
            return;
        }
        Set<ValidationMessage> problems = validate(schema, body);
        assertThat(problems)
                .as("%s %s %d body %s", method, template, status, body)
                .isEmpty();
    }

    public Set<ValidationMessage> validate(JsonNode schema, String body) {
        try {
            String components =
                    JSON.writeValueAsString(document.path("components").path("schemas"));
            String root = "{\"$schema\":\"https://json-schema.org/draft/2020-12/schema\",\"$defs\":" + components
                    + ",\"allOf\":[" + JSON.writeValueAsString(schema) + "]}";
            JsonSchema compiled = schemas.getSchema(root.replace("#/components/schemas/", "#/$defs/"));
            return compiled.validate(JSON.readTree(body));
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + body, e);
        }
    }

    private JsonNode resolve(String ref) {
        JsonNode node = document;
        for (String part : ref.substring(2).split("/")) {
            node = node.path(part);
        }
        return node;
    }
}
