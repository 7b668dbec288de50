package io.weft.spec.cloudstack;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks a request's parameters against a command's spec, the way CloudStack's dispatcher does before a command
 * runs: parameters in declaration order, the first problem wins. Names are matched ignoring case (jclouds sends
 * {@code listAll}); parameters the spec does not know are ignored, because clients send extras such as cmk's
 * {@code filter}.
 *
 * <p>Values arrive URL-decoded. A {@code map} parameter arrives as indexed entries ({@code tags[0].key=k}); a
 * {@code list} parameter as one comma-separated value.
 */
public final class ParameterValidator {
    private static final Pattern UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern MAP_ENTRY = Pattern.compile("\\[(\\d+)]\\.([A-Za-z0-9_]+)");
    private static final List<DateTimeFormatter> DATE_TIMES = List.of(
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"), DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss"));
    private static final List<DateTimeFormatter> OFFSET_DATE_TIMES =
            List.of(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ"), DateTimeFormatter.ISO_OFFSET_DATE_TIME);

    private static final String ALL_PROJECTS_PARAM = "projectid";
    private static final String ALL_PROJECTS = "-1";

    private ParameterValidator() {}

    /** The first problem with {@code parameters} for {@code command}, or empty when the command may run. */
    public static Optional<ParameterProblem> firstProblem(CommandSpec command, Map<String, String> parameters) {
        requireNonNull(command, "command is null");
        requireNonNull(parameters, "parameters is null");
        Map<String, String> byLowerName = new LinkedHashMap<>();
        parameters.forEach((name, value) -> byLowerName.putIfAbsent(name.toLowerCase(Locale.ROOT), value));
        for (ParamSpec param : command.params()) {
            Optional<ParameterProblem> problem = param.type() == ApiType.MAP
                    ? checkMap(command, param, byLowerName)
                    : checkValue(command, param, byLowerName.get(param.name().toLowerCase(Locale.ROOT)));
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    private static Optional<ParameterProblem> checkValue(CommandSpec command, ParamSpec param, String value) {
        if (value == null || value.isEmpty()) {
            return param.required() ? Optional.of(missing(command, param)) : Optional.empty();
        }
        if (param.name().equals(ALL_PROJECTS_PARAM) && value.equals(ALL_PROJECTS)) {
            return Optional.empty(); // CloudStack's "every project"; Terraform sends it as an id
        }
        if (param.type() == ApiType.STRING && value.length() > param.length()) {
            return Optional.of(new ParameterProblem(
                    ParameterProblem.Kind.MALFORMED,
                    command.name(),
                    param.name(),
                    "Value greater than max allowed length " + param.length() + " for param: " + param.name()));
        }
        if (param.type() == ApiType.LIST) {
            ApiType elementType = param.elementType().orElse(ApiType.STRING);
            for (String element : value.split(",", -1)) {
                Optional<String> expectation = expectation(elementType, element.trim());
                if (element.isBlank() || expectation.isPresent()) {
                    return Optional.of(malformed(
                            command,
                            param,
                            value,
                            "expected a comma-separated list of " + expectation.orElse("non-empty values")));
                }
            }
            return Optional.empty();
        }
        return expectation(param.type(), value)
                .map(expected -> malformed(command, param, value, "expected " + expected));
    }

    private static Optional<ParameterProblem> checkMap(
            CommandSpec command, ParamSpec param, Map<String, String> byLowerName) {
        String name = param.name().toLowerCase(Locale.ROOT);
        List<String> entries = new ArrayList<>();
        for (String key : byLowerName.keySet()) {
            if (key.equals(name)) {
                return Optional.of(malformed(
                        command, param, byLowerName.get(key), "expected entries such as " + name + "[0].key=value"));
            }
            if (key.startsWith(name + "[")) {
                if (!MAP_ENTRY.matcher(key.substring(name.length())).matches()) {
                    return Optional.of(new ParameterProblem(
                            ParameterProblem.Kind.MALFORMED,
                            command.name(),
                            param.name(),
                            invalidValuePrefix(command) + "Invalid parameter name " + key
                                    + ": expected entries such as " + name + "[0].key=value"));
                }
                entries.add(key);
            }
        }
        if (entries.isEmpty() && param.required()) {
            return Optional.of(missing(command, param));
        }
        return Optional.empty();
    }

    /** What a value of {@code type} should look like, or empty when {@code value} is one. */
    private static Optional<String> expectation(ApiType type, String value) {
        boolean valid =
                switch (type) {
                    case UUID -> UUID.matcher(value).matches();
                        // CloudStack parses booleans with Boolean.valueOf: anything but "true" is false
                        // (Libcloud sends forced=None).
                    case BOOLEAN -> true;
                    case SHORT -> parses(() -> Short.parseShort(value));
                    case INTEGER -> parses(() -> Integer.parseInt(value));
                    case LONG -> parses(() -> Long.parseLong(value));
                    case DATE -> isDate(value);
                    case STRING, LIST, MAP, OBJECT -> true;
                };
        if (valid) {
            return Optional.empty();
        }
        return Optional.of(
                switch (type) {
                    case UUID -> "a UUID";
                    case BOOLEAN -> "true or false";
                    case SHORT -> "a 16-bit integer";
                    case INTEGER -> "a 32-bit integer";
                    case LONG -> "a 64-bit integer";
                    case DATE -> "a date such as 2024-05-01 or 2024-05-01T10:00:00+0000";
                    case STRING, LIST, MAP, OBJECT -> "a value";
                });
    }

    private static boolean isDate(String value) {
        if (parses(() -> LocalDate.parse(value))) {
            return true;
        }
        for (DateTimeFormatter format : DATE_TIMES) {
            if (parses(() -> LocalDateTime.parse(value, format))) {
                return true;
            }
        }
        for (DateTimeFormatter format : OFFSET_DATE_TIMES) {
            if (parses(() -> OffsetDateTime.parse(value, format))) {
                return true;
            }
        }
        return false;
    }

    private static boolean parses(Runnable parse) {
        try {
            parse.run();
            return true;
        } catch (NumberFormatException | DateTimeParseException e) {
            return false;
        }
    }

    private static ParameterProblem missing(CommandSpec command, ParamSpec param) {
        return new ParameterProblem(
                ParameterProblem.Kind.MISSING,
                command.name(),
                param.name(),
                "Unable to execute API command " + command.name().toLowerCase(Locale.ROOT)
                        + " due to missing parameter " + param.name());
    }

    private static ParameterProblem malformed(CommandSpec command, ParamSpec param, String value, String expected) {
        return new ParameterProblem(
                ParameterProblem.Kind.MALFORMED,
                command.name(),
                param.name(),
                invalidValuePrefix(command) + "Invalid parameter " + param.name() + " value=" + value + ": "
                        + expected);
    }

    private static String invalidValuePrefix(CommandSpec command) {
        return "Unable to execute API command " + command.name().toLowerCase(Locale.ROOT) + " due to invalid value. ";
    }
}
