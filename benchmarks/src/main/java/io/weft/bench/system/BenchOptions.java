package io.weft.bench.system;

import io.weft.bench.scenario.ScenarioShape;
import java.nio.file.Path;
import java.time.Duration;

/**
 * What {@code ./weft bench} was asked to do. Defaults are sized per scenario: the end-to-end
 * stream runs 5 minutes at M as the issue asks, seconds at S (the CI smoke run).
 */
public record BenchOptions(
        ScenarioShape shape,
        long seed,
        boolean versusOvn,
        boolean skipServer,
        int repeats,
        Duration streamDuration,
        int changesPerSecond,
        Path repository,
        Path outputDirectory,
        Path performancePage) {

    public static final long DEFAULT_SEED = 20_261_205L;

    static final String USAGE =
            """
            Usage: ./weft bench S|M|L [options]

              --skip-server       measure the dispatch core (and OVN) only: no load through the
                                  services, no server, no agents (e.g. at L on a busy machine)
              --vs-ovn            also import the scenario into OVN (installed from Debian's packages
                                  if missing; needs root) and measure it beside Weft in the same run
              --seed N            the scenario's seed (default %d)
              --repeats N         runs of each timed measurement (default: S 3, M 5, L 3)
              --duration SECONDS  how long the end-to-end change stream runs (default: S 15, M 300, L 0 = skip)
              --rate N            changes per second in that stream (default 20)
              --out DIR           where the JSON and the plots go (default docs/bench)
              --page FILE         the page whose generated section is rewritten (default docs/performance.md)
            """
                    .formatted(DEFAULT_SEED);

    public static BenchOptions parse(String... arguments) {
        ScenarioShape shape = null;
        long seed = DEFAULT_SEED;
        boolean versusOvn = false;
        boolean skipServer = false;
        Integer repeats = null;
        Duration duration = null;
        int rate = 20;
        Path repository = Path.of("").toAbsolutePath();
        Path out = null;
        Path page = null;
        for (int i = 0; i < arguments.length; i++) {
            String argument = arguments[i];
            switch (argument) {
                case "--vs-ovn" -> versusOvn = true;
                case "--skip-server" -> skipServer = true;
                case "--seed" -> seed = Long.parseLong(value(arguments, ++i, argument));
                case "--repeats" -> repeats = positive(value(arguments, ++i, argument), argument);
                case "--duration" -> duration = Duration.ofSeconds(Long.parseLong(value(arguments, ++i, argument)));
                case "--rate" -> rate = positive(value(arguments, ++i, argument), argument);
                case "--repository" -> repository =
                        Path.of(value(arguments, ++i, argument)).toAbsolutePath();
                case "--out" -> out = Path.of(value(arguments, ++i, argument));
                case "--page" -> page = Path.of(value(arguments, ++i, argument));
                default -> {
                    if (argument.startsWith("-") || shape != null) {
                        throw new IllegalArgumentException("unexpected argument '" + argument + "'");
                    }
                    shape = ScenarioShape.named(argument);
                }
            }
        }
        if (shape == null) {
            throw new IllegalArgumentException("say which scenario: S, M or L");
        }
        return new BenchOptions(
                shape,
                seed,
                versusOvn,
                skipServer,
                repeats != null ? repeats : defaultRepeats(shape),
                duration != null ? duration : defaultDuration(shape),
                rate,
                repository,
                repository.resolve(out != null ? out : Path.of("docs", "bench")),
                repository.resolve(page != null ? page : Path.of("docs", "performance.md")));
    }

    private static int defaultRepeats(ScenarioShape shape) {
        return shape.name().equals("M") ? 5 : 3;
    }

    private static Duration defaultDuration(ScenarioShape shape) {
        return switch (shape.name()) {
            case "S" -> Duration.ofSeconds(15);
            case "M" -> Duration.ofMinutes(5);
            default -> Duration.ZERO;
        };
    }

    private static String value(String[] arguments, int index, String option) {
        if (index >= arguments.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return arguments[index];
    }

    private static int positive(String text, String option) {
        int value = Integer.parseInt(text);
        if (value < 1) {
            throw new IllegalArgumentException(option + " must be at least 1");
        }
        return value;
    }
}
