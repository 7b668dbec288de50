package io.weft.spec.cloudstack;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Renders the catalogue as the body of a {@code listApis} reply, the tree that goes under {@code listapisresponse}.
 *
 * <p>CloudMonkey's {@code sync} type-asserts {@code name}, {@code isasync}, {@code description}, {@code params[]}
 * (each with {@code name}, {@code type}, {@code required} and {@code description}) and {@code response[]}; a missing
 * key crashes it, so those keys are always present. {@code since} and {@code related} are left out when empty, as
 * CloudStack leaves out null fields. The result is made of insertion-ordered maps and lists, so it serialises to the
 * same bytes every time.
 */
public final class ListApisRenderer {
    private ListApisRenderer() {}

    /**
     * Renders every command, or only the one named exactly {@code name}. No match gives {@code {}}, which is how an
     * empty list looks on the wire.
     */
    public static Map<String, Object> render(CloudStackCatalogue catalogue, Optional<String> name) {
        requireNonNull(catalogue, "catalogue is null");
        requireNonNull(name, "name is null");
        List<Object> apis = new ArrayList<>();
        for (CommandSpec command : catalogue.commands()) {
            if (name.isEmpty() || name.get().equals(command.name())) {
                apis.add(api(command));
            }
        }
        if (apis.isEmpty()) {
            return Map.of();
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("count", apis.size());
        body.put("api", Collections.unmodifiableList(apis));
        return Collections.unmodifiableMap(body);
    }

    static Map<String, Object> api(CommandSpec command) {
        Map<String, Object> api = new LinkedHashMap<>();
        api.put("name", command.name());
        api.put("description", command.description());
        api.put("isasync", command.async());
        putIfNotEmpty(api, "since", command.since());
        putIfNotEmpty(api, "related", String.join(",", command.related()));
        api.put("type", command.responseObjectName());
        List<Object> params = new ArrayList<>();
        for (ParamSpec param : command.params()) {
            params.add(param(param));
        }
        api.put("params", Collections.unmodifiableList(params));
        api.put("response", fields(command.response()));
        return Collections.unmodifiableMap(api);
    }

    private static Map<String, Object> param(ParamSpec param) {
        Map<String, Object> rendered = new LinkedHashMap<>();
        rendered.put("name", param.name());
        rendered.put("description", param.description());
        rendered.put("type", param.type().wireName());
        rendered.put("length", param.length());
        rendered.put("required", param.required());
        putIfNotEmpty(rendered, "since", param.since());
        putIfNotEmpty(rendered, "related", String.join(",", param.related()));
        return Collections.unmodifiableMap(rendered);
    }

    private static List<Object> fields(List<ResponseFieldSpec> fields) {
        List<Object> rendered = new ArrayList<>();
        for (ResponseFieldSpec field : fields) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", field.name());
            entry.put("description", field.description());
            entry.put("type", field.type().wireName());
            if (!field.fields().isEmpty()) {
                entry.put("response", fields(field.fields()));
            }
            rendered.add(Collections.unmodifiableMap(entry));
        }
        return Collections.unmodifiableList(rendered);
    }

    private static void putIfNotEmpty(Map<String, Object> map, String key, String value) {
        if (!value.isEmpty()) {
            map.put(key, value);
        }
    }
}
