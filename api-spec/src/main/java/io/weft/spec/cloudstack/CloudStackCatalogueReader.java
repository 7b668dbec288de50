package io.weft.spec.cloudstack;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.weft.spec.CatalogueException;
import io.weft.spec.json.StrictObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns {@code cloudstack-commands.json} into specs. The file names shared parameter groups ({@code include}) and
 * response objects ({@code object}) once, so that a field added to {@code nic} reaches every command that returns
 * a NIC.
 */
final class CloudStackCatalogueReader {
    // Response objects nest (a VM holds NICs and groups, a group holds rules); deeper nesting means a cycle.
    private static final int MAX_OBJECT_DEPTH = 4;

    private final String where;
    private final StrictObject root;
    private final Map<String, JsonNode> paramGroups;
    private final Map<String, JsonNode> objects;

    CloudStackCatalogueReader(JsonNode rootNode, String where) {
        this.where = requireNonNull(where, "where is null");
        this.root = StrictObject.of(rootNode, where, Set.of("comment", "paramGroups", "objects", "commands"));
        this.paramGroups = namedMembers(root.requiredNode("paramGroups"), "paramGroups");
        this.objects = namedMembers(root.requiredNode("objects"), "objects");
    }

    List<CommandSpec> commands() {
        List<CommandSpec> commands = new ArrayList<>();
        for (JsonNode node : root.array("commands")) {
            commands.add(command(node));
        }
        return List.copyOf(commands);
    }

    private CommandSpec command(JsonNode node) {
        StrictObject command = StrictObject.of(
                node,
                where + " command " + node.path("name").asText("?"),
                Set.of("name", "description", "execution", "since", "related", "params", "include", "response"));
        List<ParamSpec> params = new ArrayList<>();
        for (JsonNode param : command.array("params")) {
            params.add(param(param, command.where()));
        }
        for (String group : command.textList("include")) {
            JsonNode members = paramGroups.get(group);
            if (members == null) {
                throw new CatalogueException(command.where() + ": unknown parameter group " + group);
            }
            for (JsonNode param : members) {
                params.add(param(param, command.where() + " group " + group));
            }
        }
        StrictObject response = StrictObject.of(
                command.requiredNode("response"), command.where() + " response", Set.of("kind", "object", "key"));
        ResponseKind kind = responseKind(response);
        String objectName = response.optionalText("object").orElse(kind == ResponseKind.SUCCESS ? "success" : "");
        if (objectName.isEmpty()) {
            throw new CatalogueException(response.where() + ": missing 'object'");
        }
        try {
            return new CommandSpec(
                    command.requiredText("name"),
                    command.requiredText("description"),
                    execution(command),
                    command.optionalText("since").orElse(""),
                    command.textList("related"),
                    params,
                    kind,
                    response.optionalText("key").orElse(objectName),
                    objectFields(objectName, response.where(), 0));
        } catch (IllegalArgumentException e) {
            throw new CatalogueException(command.where() + ": " + e.getMessage(), e);
        }
    }

    private static Execution execution(StrictObject command) {
        String execution = command.requiredText("execution");
        return switch (execution) {
            case "sync" -> Execution.SYNC;
            case "async" -> Execution.ASYNC;
            case "async-create" -> Execution.ASYNC_CREATE;
            default -> throw new CatalogueException(command.where() + ": unknown execution " + execution);
        };
    }

    private static ResponseKind responseKind(StrictObject response) {
        String kind = response.requiredText("kind");
        return switch (kind) {
            case "list" -> ResponseKind.LIST;
            case "object" -> ResponseKind.OBJECT;
            case "success" -> ResponseKind.SUCCESS;
            case "inline" -> ResponseKind.INLINE;
            default -> throw new CatalogueException(response.where() + ": unknown kind " + kind);
        };
    }

    private static ParamSpec param(JsonNode node, String context) {
        StrictObject param = StrictObject.of(
                node,
                context + " param " + node.path("name").asText("?"),
                Set.of("name", "type", "required", "length", "description", "since", "related", "elementType"));
        try {
            return new ParamSpec(
                    param.requiredText("name"),
                    type(param, "type"),
                    param.booleanOr("required", false),
                    param.optionalInt("length").orElse(ParamSpec.DEFAULT_LENGTH),
                    param.requiredText("description"),
                    param.optionalText("since").orElse(""),
                    param.textList("related"),
                    param.optionalText("elementType").isPresent()
                            ? Optional.of(type(param, "elementType"))
                            : Optional.empty());
        } catch (IllegalArgumentException e) {
            throw new CatalogueException(param.where() + ": " + e.getMessage(), e);
        }
    }

    private List<ResponseFieldSpec> objectFields(String objectName, String context, int depth) {
        if (depth > MAX_OBJECT_DEPTH) {
            throw new CatalogueException(context + ": response objects nest too deeply at " + objectName);
        }
        JsonNode fields = objects.get(objectName);
        if (fields == null) {
            throw new CatalogueException(context + ": unknown response object " + objectName);
        }
        return fields(fields, context + " object " + objectName, depth);
    }

    private List<ResponseFieldSpec> fields(JsonNode array, String context, int depth) {
        if (!array.isArray()) {
            throw new CatalogueException(context + ": expected an array of fields");
        }
        List<ResponseFieldSpec> fields = new ArrayList<>();
        for (JsonNode node : array) {
            StrictObject field = StrictObject.of(
                    node,
                    context + " field " + node.path("name").asText("?"),
                    Set.of("name", "type", "description", "object", "fields"));
            List<ResponseFieldSpec> children = new ArrayList<>();
            field.optionalText("object")
                    .ifPresent(name -> children.addAll(objectFields(name, field.where(), depth + 1)));
            if (!field.array("fields").isEmpty()) {
                children.addAll(fields(field.requiredNode("fields"), field.where(), depth + 1));
            }
            fields.add(new ResponseFieldSpec(
                    field.requiredText("name"), type(field, "type"), field.requiredText("description"), children));
        }
        return List.copyOf(fields);
    }

    private static ApiType type(StrictObject object, String key) {
        String wireName = object.requiredText(key);
        return ApiType.fromWireName(wireName)
                .orElseThrow(() -> new CatalogueException(object.where() + ": unknown type " + wireName));
    }

    private Map<String, JsonNode> namedMembers(JsonNode node, String key) {
        if (!node.isObject()) {
            throw new CatalogueException(where + ": '" + key + "' must be an object");
        }
        Map<String, JsonNode> members = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> member : node.properties()) {
            if (!member.getValue().isArray()) {
                throw new CatalogueException(where + ": " + key + "." + member.getKey() + " must be an array");
            }
            members.put(member.getKey(), member.getValue());
        }
        return Map.copyOf(members);
    }
}
