package io.weft.it.terraform;

import java.util.LinkedHashMap;
import java.util.Map;

/** Request parameters written as name, value, name, value, ... */
final class ReplayParams {
    private ReplayParams() {}

    static Map<String, String> of(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values come in pairs");
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            params.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return params;
    }
}
