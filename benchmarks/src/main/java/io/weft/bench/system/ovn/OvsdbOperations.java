package io.weft.bench.system.ovn;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** Builders for the OVSDB operations and values of RFC 7047 that the benchmark writes. */
final class OvsdbOperations {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private OvsdbOperations() {}

    /** Inserts {@code row}, which later operations of the same transaction name {@code rowName}. */
    static ObjectNode insert(String table, String rowName, ObjectNode row) {
        ObjectNode operation =
                JSON.objectNode().put("op", "insert").put("table", table).put("uuid-name", rowName);
        operation.set("row", row);
        return operation;
    }

    /** Selects {@code column} of the rows whose {@code name} is {@code name}, or of every row when null. */
    static ObjectNode select(String table, String name, String column) {
        ObjectNode select = JSON.objectNode().put("op", "select").put("table", table);
        ArrayNode where = JSON.arrayNode();
        if (name != null) {
            where.add(JSON.arrayNode().add("name").add("==").add(name));
        }
        select.set("where", where);
        select.set("columns", JSON.arrayNode().add(column));
        return select;
    }

    /** A reference to a row inserted earlier in the same transaction. */
    static ArrayNode namedUuid(String rowName) {
        return JSON.arrayNode().add("named-uuid").add(rowName);
    }

    static ArrayNode set(List<String> values) {
        ArrayNode elements = JSON.arrayNode();
        values.forEach(elements::add);
        return JSON.arrayNode().add("set").add(elements);
    }

    static ArrayNode references(List<String> rowNames) {
        ArrayNode elements = JSON.arrayNode();
        rowNames.forEach(name -> elements.add(namedUuid(name)));
        return JSON.arrayNode().add("set").add(elements);
    }
}
