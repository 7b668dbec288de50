package io.weft.spec.docs;

import static io.weft.spec.docs.Markdown.anchor;
import static io.weft.spec.docs.Markdown.code;
import static io.weft.spec.docs.Markdown.table;
import static java.util.Objects.requireNonNull;

import io.weft.spec.ec2.ActionSpec;
import io.weft.spec.ec2.Ec2Catalogue;
import io.weft.spec.ec2.Ec2ErrorSpec;
import io.weft.spec.ec2.Ec2ParamSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Renders {@code docs/api/ec2.md} from the EC2 catalogue. */
public final class Ec2Reference {
    private Ec2Reference() {}

    public static String render(Ec2Catalogue catalogue) {
        requireNonNull(catalogue, "catalogue is null");
        StringBuilder doc = new StringBuilder();
        doc.append("# EC2-compatible Query API reference\n\n")
                .append(ReferenceGenerator.GENERATED_NOTICE.formatted(Ec2Catalogue.RESOURCE))
                .append("\n\n")
                .append("Requests are `POST /` with a form body `Action=<name>&Version=")
                .append(catalogue.apiVersion())
                .append("&…`, signed with SigV4 (service `ec2`). `.N` and `.M` in a parameter name stand for ")
                .append("list positions, numbered from 1 (0 is accepted too). ")
                .append("Replies are XML with the fields directly under ")
                .append("`<ActionResponse xmlns=\"http://ec2.amazonaws.com/doc/")
                .append(catalogue.apiVersion())
                .append("/\">`; errors are `<Response><Errors><Error><Code>…`.\n\n")
                .append("## Actions\n\n");
        List<List<String>> rows = new ArrayList<>();
        for (ActionSpec action : catalogue.actions()) {
            rows.add(List.of(
                    "[" + action.name() + "](#" + anchor(action.name()) + ")",
                    action.paginated() ? "yes" : "",
                    action.description()));
        }
        doc.append(table(List.of("action", "paginated", "description"), rows));
        for (ActionSpec action : catalogue.actions()) {
            doc.append('\n').append(action(action));
        }
        doc.append("\n## Errors\n\n");
        List<List<String>> errors = new ArrayList<>();
        for (Ec2ErrorSpec error : catalogue.errors()) {
            errors.add(List.of(code(error.code()), String.valueOf(error.httpStatus()), error.category(), error.when()));
        }
        doc.append(table(List.of("code", "HTTP status", "category", "when"), errors));
        return doc.toString();
    }

    private static String action(ActionSpec action) {
        StringBuilder doc = new StringBuilder();
        doc.append("## ").append(action.name()).append("\n\n");
        doc.append(action.description()).append("\n\n");
        List<List<String>> rows = new ArrayList<>();
        for (Ec2ParamSpec param : action.params()) {
            String aliases = param.aliases().isEmpty()
                    ? ""
                    : " Also accepted as "
                            + String.join(
                                    ", ",
                                    param.aliases().stream().map(Markdown::code).toList()) + ".";
            rows.add(List.of(
                    code(param.name()),
                    param.type().name().toLowerCase(Locale.ROOT),
                    param.required() ? "yes" : "",
                    param.limits().map(range -> range.min() + "–" + range.max()).orElse(""),
                    param.description() + aliases));
        }
        doc.append(table(List.of("parameter", "type", "required", "range", "description"), rows));
        doc.append("\nReply: `<")
                .append(action.responseRoot())
                .append(">` with ")
                .append(String.join(
                        ", ",
                        action.responseElements().stream().map(Markdown::code).toList()))
                .append(".\n");
        if (!action.filters().isEmpty()) {
            doc.append("\nFilters: ")
                    .append(String.join(
                            ", ", action.filters().stream().map(Markdown::code).toList()))
                    .append(".\n");
        }
        return doc.toString();
    }
}
