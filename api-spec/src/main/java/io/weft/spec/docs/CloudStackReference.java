package io.weft.spec.docs;

import static io.weft.spec.docs.Markdown.anchor;
import static io.weft.spec.docs.Markdown.code;
import static io.weft.spec.docs.Markdown.table;
import static java.util.Objects.requireNonNull;

import io.weft.spec.cloudstack.CloudStackCatalogue;
import io.weft.spec.cloudstack.CommandSpec;
import io.weft.spec.cloudstack.Execution;
import io.weft.spec.cloudstack.ParamSpec;
import io.weft.spec.cloudstack.ResponseFieldSpec;
import io.weft.spec.cloudstack.ResponseKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Renders {@code docs/api/cloudstack.md} from the CloudStack catalogue. */
public final class CloudStackReference {
    private CloudStackReference() {}

    public static String render(CloudStackCatalogue catalogue) {
        requireNonNull(catalogue, "catalogue is null");
        StringBuilder doc = new StringBuilder();
        doc.append("# CloudStack-compatible API reference\n\n")
                .append(ReferenceGenerator.GENERATED_NOTICE.formatted(CloudStackCatalogue.RESOURCE))
                .append("\n\n")
                .append("Requests go to `/client/api` as GET or form POST with `command=<name>` and `response=json`; ")
                .append("parameter names are matched ignoring case. Lists are comma-separated (`cidrlist=a,b`); ")
                .append("maps are indexed (`tags[0].key=k&tags[0].value=v`). ")
                .append("Sync commands answer with the result; async ones answer `{\"jobid\"}` ")
                .append("(async-create: `{\"id\",\"jobid\"}`) and the result is the job's `jobresult` ")
                .append("from `queryAsyncJobResult`.\n\n")
                .append("## Commands\n\n");
        List<List<String>> rows = new ArrayList<>();
        for (CommandSpec command : catalogue.commands()) {
            rows.add(List.of(
                    "[" + command.name() + "](#" + anchor(command.name()) + ")",
                    execution(command.execution()),
                    returns(command),
                    command.description()));
        }
        doc.append(table(List.of("command", "execution", "returns", "description"), rows));
        for (CommandSpec command : catalogue.commands()) {
            doc.append('\n').append(command(command));
        }
        doc.append(responseObjects(catalogue));
        return doc.toString();
    }

    /** Each response object once, by the key it travels under, rather than once per command that returns it. */
    private static String responseObjects(CloudStackCatalogue catalogue) {
        StringBuilder doc = new StringBuilder("\n## Response objects\n");
        Map<String, List<ResponseFieldSpec>> objects = new TreeMap<>();
        for (CommandSpec command : catalogue.commands()) {
            objects.putIfAbsent(command.responseObjectName(), command.response());
        }
        objects.forEach((name, fields) -> {
            List<List<String>> rows = new ArrayList<>();
            flatten("", fields, rows);
            doc.append("\n### ")
                    .append(objectHeading(name))
                    .append("\n\n")
                    .append(table(List.of("field", "type", "description"), rows));
        });
        return doc.toString();
    }

    private static String command(CommandSpec command) {
        StringBuilder doc = new StringBuilder();
        doc.append("## ").append(command.name()).append("\n\n");
        doc.append(command.description()).append("\n\n");
        doc.append("- Execution: ").append(execution(command.execution())).append('\n');
        if (!command.since().isEmpty()) {
            doc.append("- Since: ").append(command.since()).append('\n');
        }
        if (!command.related().isEmpty()) {
            doc.append("- Related: ")
                    .append(String.join(
                            ", ",
                            command.related().stream()
                                    .map(name -> "[" + name + "](#" + anchor(name) + ")")
                                    .toList()))
                    .append('\n');
        }
        doc.append("- Returns: ").append(shape(command)).append("\n\n");
        if (command.params().isEmpty()) {
            doc.append("No parameters.\n\n");
        } else {
            List<List<String>> rows = new ArrayList<>();
            for (ParamSpec param : command.params()) {
                rows.add(List.of(
                        code(param.name()),
                        param.type().wireName()
                                + param.elementType()
                                        .map(element -> " of " + element.wireName())
                                        .orElse(""),
                        param.required() ? "yes" : "",
                        param.length() == ParamSpec.DEFAULT_LENGTH ? "" : String.valueOf(param.length()),
                        param.description()));
            }
            doc.append(table(List.of("parameter", "type", "required", "max length", "description"), rows))
                    .append('\n');
        }
        doc.append("Fields: see [")
                .append(command.responseObjectName())
                .append("](#")
                .append(anchor(objectHeading(command.responseObjectName())))
                .append(").\n");
        return doc.toString();
    }

    private static String objectHeading(String objectName) {
        return objectName + " object";
    }

    private static void flatten(String prefix, List<ResponseFieldSpec> fields, List<List<String>> rows) {
        for (ResponseFieldSpec field : fields) {
            String path = prefix + field.name();
            rows.add(List.of(code(path), field.type().wireName(), field.description()));
            flatten(path + "[].", field.fields(), rows);
        }
    }

    private static String execution(Execution execution) {
        return switch (execution) {
            case SYNC -> "sync";
            case ASYNC -> "async";
            case ASYNC_CREATE -> "async-create";
        };
    }

    private static String returns(CommandSpec command) {
        return switch (command.responseKind()) {
            case LIST -> code(command.responseObjectName() + "[]");
            case OBJECT, INLINE -> code(command.responseObjectName());
            case SUCCESS -> code("success");
        };
    }

    private static String shape(CommandSpec command) {
        String envelope = command.envelopeName();
        String result =
                switch (command.responseKind()) {
                    case LIST -> "{\"count\":n,\"" + command.responseObjectName() + "\":[…]}";
                    case OBJECT -> "{\"" + command.responseObjectName() + "\":{…}}";
                    case SUCCESS -> "{\"success\":true}";
                    case INLINE -> "{…fields below…}";
                };
        if (command.execution() == Execution.SYNC) {
            String emptyList = command.responseKind() == ResponseKind.LIST ? " (an empty list is `{}`)" : "";
            return "`{\"" + envelope + "\":" + result + "}`" + emptyList;
        }
        String reply = command.execution() == Execution.ASYNC_CREATE ? "{\"id\":…,\"jobid\":…}" : "{\"jobid\":…}";
        return "`{\"" + envelope + "\":" + reply + "}`, then `jobresult` " + code(result);
    }
}
