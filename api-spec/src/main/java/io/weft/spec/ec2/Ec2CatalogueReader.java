package io.weft.spec.ec2;

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
 * Turns {@code ec2-actions.json} into specs. {@code commonParams} go to every action (DryRun), and shared groups
 * such as the rule permissions are written once and named in {@code include}.
 */
final class Ec2CatalogueReader {
    private final StrictObject root;
    private final Map<String, JsonNode> paramGroups = new LinkedHashMap<>();

    Ec2CatalogueReader(JsonNode rootNode, String where) {
        requireNonNull(where, "where is null");
        this.root = StrictObject.of(
                rootNode, where, Set.of("comment", "apiVersion", "commonParams", "paramGroups", "actions", "errors"));
        JsonNode groups = root.requiredNode("paramGroups");
        if (!groups.isObject()) {
            throw new CatalogueException(where + ": 'paramGroups' must be an object");
        }
        for (Map.Entry<String, JsonNode> group : groups.properties()) {
            paramGroups.put(group.getKey(), group.getValue());
        }
    }

    Ec2Catalogue catalogue() {
        List<ActionSpec> actions = new ArrayList<>();
        for (JsonNode action : root.array("actions")) {
            actions.add(action(action));
        }
        List<Ec2ErrorSpec> errors = new ArrayList<>();
        for (JsonNode error : root.array("errors")) {
            errors.add(error(error));
        }
        try {
            return new Ec2Catalogue(root.requiredText("apiVersion"), actions, errors);
        } catch (IllegalArgumentException e) {
            throw new CatalogueException(root.where() + ": " + e.getMessage(), e);
        }
    }

    private ActionSpec action(JsonNode node) {
        StrictObject action = StrictObject.of(
                node,
                root.where() + " action " + node.path("name").asText("?"),
                Set.of("name", "description", "params", "include", "responseElements", "paginated", "filters"));
        List<Ec2ParamSpec> params = new ArrayList<>();
        for (JsonNode param : action.array("params")) {
            params.add(param(param, action.where()));
        }
        for (String group : action.textList("include")) {
            JsonNode members = paramGroups.get(group);
            if (members == null || !members.isArray()) {
                throw new CatalogueException(action.where() + ": unknown parameter group " + group);
            }
            for (JsonNode param : members) {
                params.add(param(param, action.where() + " group " + group));
            }
        }
        for (JsonNode param : root.array("commonParams")) {
            params.add(param(param, root.where() + " commonParams"));
        }
        String name = action.requiredText("name");
        try {
            return new ActionSpec(
                    name,
                    action.requiredText("description"),
                    params,
                    name + "Response",
                    action.textList("responseElements"),
                    action.booleanOr("paginated", false),
                    action.textList("filters"));
        } catch (IllegalArgumentException e) {
            throw new CatalogueException(action.where() + ": " + e.getMessage(), e);
        }
    }

    private static Ec2ParamSpec param(JsonNode node, String context) {
        StrictObject param = StrictObject.of(
                node,
                context + " param " + node.path("name").asText("?"),
                Set.of("name", "type", "required", "description", "min", "max", "aliases"));
        Optional<Integer> min = param.optionalInt("min");
        Optional<Integer> max = param.optionalInt("max");
        if (min.isPresent() != max.isPresent()) {
            throw new CatalogueException(param.where() + ": give both 'min' and 'max' or neither");
        }
        try {
            return new Ec2ParamSpec(
                    param.requiredText("name"),
                    type(param),
                    param.booleanOr("required", false),
                    param.requiredText("description"),
                    min.map(low -> new IntRange(low, max.orElseThrow())),
                    param.textList("aliases"));
        } catch (IllegalArgumentException e) {
            throw new CatalogueException(param.where() + ": " + e.getMessage(), e);
        }
    }

    private static Ec2ParamType type(StrictObject param) {
        String type = param.requiredText("type");
        return switch (type) {
            case "string" -> Ec2ParamType.STRING;
            case "integer" -> Ec2ParamType.INTEGER;
            case "boolean" -> Ec2ParamType.BOOLEAN;
            default -> throw new CatalogueException(param.where() + ": unknown type " + type);
        };
    }

    private Ec2ErrorSpec error(JsonNode node) {
        StrictObject error = StrictObject.of(
                node,
                root.where() + " error " + node.path("code").asText("?"),
                Set.of("code", "status", "category", "when"));
        try {
            return new Ec2ErrorSpec(
                    error.requiredText("code"),
                    error.optionalInt("status").orElse(400),
                    error.requiredText("category"),
                    error.requiredText("when"));
        } catch (IllegalArgumentException e) {
            throw new CatalogueException(error.where() + ": " + e.getMessage(), e);
        }
    }
}
