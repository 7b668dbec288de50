package io.weft.server.api.cloudstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Writes a response tree in CloudStack's XML form: the envelope key is the root element (with a
 * {@code cloud-stack-version} attribute), object fields become child elements, and a list becomes
 * one element per item under the list's name ({@code <count>1</count><zone>…</zone>}).
 */
public final class XmlResponseWriter {
    private XmlResponseWriter() {}

    public static String write(ObjectNode envelope, String cloudStackVersion) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        Iterator<Map.Entry<String, JsonNode>> roots = envelope.fields();
        while (roots.hasNext()) {
            Map.Entry<String, JsonNode> root = roots.next();
            xml.append('<')
                    .append(root.getKey())
                    .append(" cloud-stack-version=\"")
                    .append(escape(cloudStackVersion))
                    .append("\">");
            appendChildren(xml, root.getValue());
            xml.append("</").append(root.getKey()).append('>');
        }
        return xml.toString();
    }

    private static void appendChildren(StringBuilder xml, JsonNode node) {
        if (!node.isObject()) {
            xml.append(escape(node.asText()));
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getValue().isArray()) {
                for (JsonNode item : field.getValue()) {
                    appendElement(xml, field.getKey(), item);
                }
            } else {
                appendElement(xml, field.getKey(), field.getValue());
            }
        }
    }

    private static void appendElement(StringBuilder xml, String name, JsonNode value) {
        if (value.isNull()) {
            return;
        }
        xml.append('<').append(name).append('>');
        appendChildren(xml, value);
        xml.append("</").append(name).append('>');
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&apos;");
                default -> {
                    // Characters XML 1.0 cannot carry at all are dropped rather than break the document.
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                        escaped.append(c);
                    }
                }
            }
        }
        return escaped.toString();
    }
}
