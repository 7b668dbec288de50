package io.weft.it.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Whether a JSON object fits the Go struct cloudstack-go decodes it into. Go's {@code
 * encoding/json} fails the whole call on a value of the wrong kind (a number where the struct has a
 * {@code string}, an object where it has a slice), so one badly typed field in a Weft reply breaks
 * every Terraform run that reads it. The field types come from {@code
 * cloudstack-go-response-types.json}, a table of the structs' {@code json} names and Go types read
 * from github.com/apache/cloudstack-go; fields a struct does not declare are ignored, as Go ignores
 * them.
 */
final class GoResponseTypes {
    private static final Pattern INTEGER = Pattern.compile("u?int(8|16|32|64)?");
    private static final GoResponseTypes INSTANCE = load();

    private final JsonNode structs;

    private GoResponseTypes(JsonNode structs) {
        this.structs = structs;
    }

    static GoResponseTypes get() {
        return INSTANCE;
    }

    private static GoResponseTypes load() {
        try (InputStream in =
                GoResponseTypes.class.getResourceAsStream("/terraform/cloudstack-go-response-types.json")) {
            return new GoResponseTypes(new ObjectMapper().readTree(in).get("structs"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fails, naming every badly typed field, unless {@code value} decodes into Go struct {@code struct}. */
    void assertFits(String struct, JsonNode value) {
        assertThat(mismatches(struct, value))
                .as("fields of %s that cloudstack-go cannot decode into %s", value, struct)
                .isEmpty();
    }

    List<String> mismatches(String struct, JsonNode value) {
        List<String> found = new ArrayList<>();
        check(struct, value, struct, found);
        return found;
    }

    private void check(String goType, JsonNode value, String path, List<String> found) {
        if (value == null || value.isNull()) {
            return; // null leaves any Go field at its zero value
        }
        String type = goType.replaceFirst("^\\*", "");
        if (type.endsWith(",string")) {
            if (!value.isTextual()) {
                found.add(path + ": " + type + " wants a quoted value, got " + value.getNodeType());
            }
            return;
        }
        if (type.equals("interface{}") || type.equals("json.RawMessage")) {
            return;
        }
        if (type.startsWith("[]")) {
            if (!value.isArray()) {
                found.add(path + ": " + type + " wants an array, got " + value.getNodeType() + " " + value);
                return;
            }
            for (int i = 0; i < value.size(); i++) {
                check(type.substring(2), value.get(i), path + "[" + i + "]", found);
            }
            return;
        }
        if (type.startsWith("map[string]")) {
            if (!value.isObject()) {
                found.add(path + ": " + type + " wants an object, got " + value.getNodeType() + " " + value);
                return;
            }
            Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                check(type.substring("map[string]".length()), field.getValue(), path + "." + field.getKey(), found);
            }
            return;
        }
        if (type.equals("string") || type.equals("UUID")) {
            expect(value.isTextual(), path, type, value, found);
        } else if (type.equals("bool")) {
            expect(value.isBoolean(), path, type, value, found);
        } else if (INTEGER.matcher(type).matches()) {
            expect(value.isIntegralNumber(), path, type, value, found);
        } else if (type.startsWith("float")) {
            expect(value.isNumber(), path, type, value, found);
        } else if (structs.has(type)) {
            if (!value.isObject()) {
                found.add(path + ": " + type + " wants an object, got " + value.getNodeType() + " " + value);
                return;
            }
            JsonNode fields = structs.get(type);
            Iterator<Map.Entry<String, JsonNode>> present = value.fields();
            while (present.hasNext()) {
                Map.Entry<String, JsonNode> field = present.next();
                JsonNode fieldType = fields.get(field.getKey());
                if (fieldType != null) {
                    check(fieldType.asText(), field.getValue(), path + "." + field.getKey(), found);
                }
            }
        } else {
            throw new IllegalArgumentException("no Go type " + type + " in the table (at " + path + ")");
        }
    }

    private static void expect(boolean fits, String path, String type, JsonNode value, List<String> found) {
        if (!fits) {
            found.add(path + ": Go " + type + " cannot take JSON " + value.getNodeType() + " " + value);
        }
    }
}
