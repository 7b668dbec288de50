package io.weft.server.config;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The raw settings, layered: command-line arguments over environment variables over the YAML file
 * over the defaults each config record declares. Keys are dotted ({@code http.port}); the
 * environment name of a key is derived mechanically by {@link #environmentName(String)}.
 *
 * <p>Every key a config record reads is remembered, so that a key in the file that nothing read
 * (a typo) is reported instead of silently ignored.
 */
public final class ConfigSource {
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

    private final Map<String, String> arguments;
    private final Map<String, String> environment;
    private final Map<String, String> file;
    private final String fileName;
    private final Set<String> readKeys = new TreeSet<>();

    public ConfigSource(
            Map<String, String> arguments, Map<String, String> environment, Map<String, String> file, String fileName) {
        this.arguments = Map.copyOf(requireNonNull(arguments, "arguments is null"));
        this.environment = Map.copyOf(requireNonNull(environment, "environment is null"));
        this.file = Map.copyOf(requireNonNull(file, "file is null"));
        this.fileName = requireNonNull(fileName, "fileName is null");
    }

    /** Settings given as dotted keys only (no environment, no file); handy for tests and embedding. */
    public static ConfigSource of(Map<String, String> settings) {
        return new ConfigSource(settings, Map.of(), Map.of(), "settings");
    }

    /**
     * {@code http.port} → {@code WEFT_HTTP_PORT}, {@code database.poolSize} → {@code
     * WEFT_DATABASE_POOL_SIZE}, {@code dataDir} → {@code WEFT_DATA_DIR}: {@code WEFT_}, then the key
     * with dots and camel-case humps turned into underscores, upper-cased.
     */
    public static String environmentName(String key) {
        String snake = key.replace('.', '_').replaceAll("([a-z0-9])([A-Z])", "$1_$2");
        return "WEFT_" + snake.toUpperCase(Locale.ROOT);
    }

    /** The value of {@code key} from the highest layer that sets it to something non-blank. */
    public Optional<String> value(String key) {
        readKeys.add(key);
        String value = arguments.get(key);
        if (isBlank(value)) {
            value = environment.get(environmentName(key));
        }
        if (isBlank(value)) {
            value = file.get(key);
        }
        return isBlank(value) ? Optional.empty() : Optional.of(value.strip());
    }

    public String string(String key, String defaultValue) {
        return value(key).orElse(defaultValue);
    }

    public int integer(String key, int defaultValue, int min, int max) {
        Optional<String> raw = value(key);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        int parsed;
        try {
            parsed = Integer.parseInt(raw.get());
        } catch (NumberFormatException e) {
            throw invalid(key, raw.get(), "an integer");
        }
        if (parsed < min || parsed > max) {
            throw invalid(key, raw.get(), "an integer from " + min + " to " + max);
        }
        return parsed;
    }

    public int port(String key, int defaultValue) {
        return integer(key, defaultValue, 0, 65535);
    }

    public boolean bool(String key, boolean defaultValue) {
        Optional<String> raw = value(key);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        return switch (raw.get().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw invalid(key, raw.get(), "true or false");
        };
    }

    /** ISO-8601 ({@code PT15M}) or a number with a unit: {@code 500ms}, {@code 30s}, {@code 15m}, {@code 1h}. */
    public Duration duration(String key, Duration defaultValue) {
        Optional<String> raw = value(key);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        Matcher matcher = DURATION.matcher(raw.get());
        if (matcher.matches()) {
            long amount = Long.parseLong(matcher.group(1));
            return switch (matcher.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
        }
        try {
            return Duration.parse(raw.get());
        } catch (DateTimeParseException e) {
            throw invalid(key, raw.get(), "a duration such as 30s, 15m or PT15M");
        }
    }

    public Path path(String key, Path defaultValue) {
        return value(key).map(Path::of).orElse(defaultValue).toAbsolutePath().normalize();
    }

    /** Fails on a key in the file that no config record asked for, which is almost always a typo. */
    public void rejectUnknownFileKeys() {
        for (String key : new TreeSet<>(file.keySet())) {
            if (!readKeys.contains(key)) {
                throw new ConfigException("unknown configuration key '" + key + "' in " + fileName);
            }
        }
    }

    /** The keys read so far, in order; after loading the whole configuration, every key there is. */
    public Set<String> readKeys() {
        return Set.copyOf(readKeys);
    }

    static ConfigException invalid(String key, String value, String expected) {
        return new ConfigException("configuration key '" + key + "' (environment " + environmentName(key) + ") must be "
                + expected + ", but is '" + value + "'");
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
