package io.weft.bench.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A part of a Markdown page that a program rewrites: everything between its begin and end markers
 * is replaced, the rest of the page (hand-written reading of the figures) is kept. A page without
 * the markers gets the section appended.
 */
public final class GeneratedSection {
    private GeneratedSection() {}

    public static void replace(Path page, String name, String body) throws IOException {
        String begin = "<!-- generated: " + name + " (do not edit by hand; rewritten by ./weft bench) -->";
        String end = "<!-- end generated: " + name + " -->";
        String text = Files.exists(page) ? Files.readString(page, StandardCharsets.UTF_8) : "";
        String section = begin + "\n" + body.strip() + "\n" + end;
        int from = text.indexOf(begin);
        int to = text.indexOf(end);
        String updated;
        if (from >= 0 && to > from) {
            updated = text.substring(0, from) + section + text.substring(to + end.length());
        } else {
            updated = (text.isEmpty() || text.endsWith("\n\n") ? text : text.stripTrailing() + "\n\n") + section + "\n";
        }
        Files.writeString(page, updated, StandardCharsets.UTF_8);
    }
}
