package io.weft.server.api.ec2;

import static java.util.Objects.requireNonNull;

import io.weft.spec.ec2.ActionSpec;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code Filter.N.Name} with {@code Filter.N.Value.M} (API-COMPAT §3.6): values of one filter are
 * ORed, filters are ANDed, {@code *} and {@code ?} are wildcards ({@code \} escapes them). A resource
 * offers its attributes as a map from filter name to values; {@code tag:<key>} and {@code tag-key}
 * come from its tags.
 */
record Ec2Filters(List<Filter> filters) {
    Ec2Filters {
        filters = List.copyOf(requireNonNull(filters, "filters is null"));
    }

    record Filter(String name, List<Pattern> values) {
        Filter {
            requireNonNull(name, "name is null");
            values = List.copyOf(values);
        }

        boolean matches(Collection<String> attribute) {
            for (String candidate : attribute) {
                for (Pattern value : values) {
                    if (value.matcher(candidate).matches()) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    static Ec2Filters none() {
        return new Ec2Filters(List.of());
    }

    /** The request's filters; a name the action does not know is {@code InvalidParameterValue}. */
    static Ec2Filters parse(Ec2Params params, ActionSpec action) {
        List<Filter> filters = new ArrayList<>();
        for (Ec2Params filter : params.structs("Filter")) {
            String name = filter.required("Name");
            if (!action.allowsFilter(name)) {
                throw Ec2Failure.invalidValue("The filter '" + name + "' is invalid");
            }
            List<String> values = filter.list("Value");
            if (values.isEmpty()) {
                throw new Ec2Failure("InvalidFilter", "The filter '" + name + "' has no values");
            }
            filters.add(
                    new Filter(name, values.stream().map(Ec2Filters::wildcard).toList()));
        }
        return new Ec2Filters(filters);
    }

    /** Whether every filter finds one of its values among the resource's values for that name. */
    boolean matches(Map<String, ? extends Collection<String>> attributes) {
        for (Filter filter : filters) {
            Collection<String> attribute = attributes.get(filter.name());
            if (attribute == null || !filter.matches(attribute)) {
                return false;
            }
        }
        return true;
    }

    boolean isEmpty() {
        return filters.isEmpty();
    }

    static Pattern wildcard(String value) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length()) {
                literal.append(value.charAt(++i));
            } else if (c == '*' || c == '?') {
                if (literal.length() > 0) {
                    regex.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                regex.append(c == '*' ? ".*" : ".");
            } else {
                literal.append(c);
            }
        }
        if (literal.length() > 0) {
            regex.append(Pattern.quote(literal.toString()));
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
