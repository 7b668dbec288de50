package io.weft.spec.docs;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Locale;

/** The little Markdown the references need: tables whose cells cannot break the table. */
final class Markdown {
    private Markdown() {}

    static String table(List<String> header, List<List<String>> rows) {
        requireNonNull(header, "header is null");
        requireNonNull(rows, "rows is null");
        StringBuilder table = new StringBuilder();
        row(table, header);
        row(table, header.stream().map(column -> "---").toList());
        rows.forEach(cells -> row(table, cells));
        return table.toString();
    }

    static String code(String text) {
        return text.isEmpty() ? "" : "`" + text + "`";
    }

    /** The anchor GitHub gives a heading made of words, digits and spaces. */
    static String anchor(String heading) {
        return heading.toLowerCase(Locale.ROOT).replace(' ', '-').replaceAll("[^a-z0-9-]", "");
    }

    private static void row(StringBuilder table, List<String> cells) {
        table.append('|');
        for (String cell : cells) {
            table.append(' ')
                    .append(cell.replace("|", "\\|").replace("\n", " "))
                    .append(" |");
        }
        table.append('\n');
    }
}
