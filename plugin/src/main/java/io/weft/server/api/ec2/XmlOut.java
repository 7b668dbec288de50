package io.weft.server.api.ec2;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Writes the small XML documents of the EC2 Query API (API-COMPAT §3.3): elements and escaped text
 * only, no attributes except the root's namespace. Lists are {@code <xxxSet><item>…</item></xxxSet>}.
 */
final class XmlOut {
    static final String PROLOG = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

    private final StringBuilder text = new StringBuilder(256);
    private final Deque<String> open = new ArrayDeque<>();

    XmlOut start(String name) {
        text.append('<').append(name).append('>');
        open.push(name);
        return this;
    }

    /** The document root, which alone carries a namespace. */
    XmlOut root(String name, String namespace) {
        text.append('<').append(name).append(" xmlns=\"");
        escape(namespace);
        text.append("\">");
        open.push(name);
        return this;
    }

    XmlOut end() {
        text.append("</").append(open.pop()).append('>');
        return this;
    }

    XmlOut leaf(String name, String value) {
        text.append('<').append(name).append('>');
        escape(value);
        text.append("</").append(name).append('>');
        return this;
    }

    XmlOut leaf(String name, Optional<String> value) {
        value.ifPresent(present -> leaf(name, present));
        return this;
    }

    XmlOut leaf(String name, boolean value) {
        return leaf(name, Boolean.toString(value));
    }

    XmlOut leaf(String name, long value) {
        return leaf(name, Long.toString(value));
    }

    /** {@code <name><item>…</item>…</name>}; an empty list still writes {@code <name/>}'s pair. */
    <T> XmlOut set(String name, Collection<T> items, BiConsumer<XmlOut, T> item) {
        start(name);
        for (T each : items) {
            start("item");
            item.accept(this, each);
            end();
        }
        return end();
    }

    String text() {
        if (!open.isEmpty()) {
            throw new IllegalStateException("unclosed elements " + open);
        }
        return text.toString();
    }

    /** Escapes markup and drops characters XML 1.0 cannot carry at all. */
    private void escape(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> text.append("&amp;");
                case '<' -> text.append("&lt;");
                case '>' -> text.append("&gt;");
                case '"' -> text.append("&quot;");
                case '\'' -> text.append("&apos;");
                default -> {
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                        text.append(c);
                    }
                }
            }
        }
    }
}
