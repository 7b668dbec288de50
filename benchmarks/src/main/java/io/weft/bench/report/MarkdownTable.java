package io.weft.bench.report;

import java.util.ArrayList;
import java.util.List;

/** A Markdown table built row by row; the first column is left-aligned, the rest right-aligned. */
public final class MarkdownTable {
    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    public MarkdownTable(String... header) {
        this.header = List.of(header);
    }

    public MarkdownTable row(Object... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException("a row has " + header.size() + " cells, got " + cells.length);
        }
        rows.add(java.util.Arrays.stream(cells).map(String::valueOf).toList());
        return this;
    }

    public String render() {
        StringBuilder out = new StringBuilder();
        line(out, header);
        out.append("|---");
        out.append("|---:".repeat(header.size() - 1)).append("|\n");
        rows.forEach(row -> line(out, row));
        return out.toString();
    }

    private static void line(StringBuilder out, List<String> cells) {
        out.append("| ");
        out.append(String.join(
                " | ", cells.stream().map(c -> c.replace("|", "\\|")).toList()));
        out.append(" |\n");
    }
}
