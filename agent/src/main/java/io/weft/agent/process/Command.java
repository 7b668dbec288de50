package io.weft.agent.process;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One process to run: an argument vector (never a shell line), optional standard input, extra
 * environment variables, an optional network namespace and a timeout.
 *
 * <p>Instances are immutable; the {@code with*} methods return changed copies.
 */
public record Command(
        List<String> argv,
        byte[] stdin,
        Map<String, String> environment,
        Optional<String> namespace,
        Duration timeout) {

    /** Generous enough for ovs-vsctl waiting on ovs-vswitchd, short enough to surface a hang. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    public Command {
        requireNonNull(argv, "argv is null");
        requireNonNull(stdin, "stdin is null");
        requireNonNull(environment, "environment is null");
        requireNonNull(namespace, "namespace is null");
        requireNonNull(timeout, "timeout is null");
        argv = List.copyOf(argv);
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("argv is empty");
        }
        stdin = stdin.clone();
        environment = Map.copyOf(environment);
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
    }

    public static Command of(String... argv) {
        return of(List.of(argv));
    }

    public static Command of(List<String> argv) {
        return new Command(argv, new byte[0], Map.of(), Optional.empty(), DEFAULT_TIMEOUT);
    }

    public Command withStdin(byte[] newStdin) {
        return new Command(argv, newStdin, environment, namespace, timeout);
    }

    public Command withStdin(String text) {
        return withStdin(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Adds to (and overrides within) the environment this command already carries. */
    public Command withEnvironment(Map<String, String> extra) {
        Map<String, String> merged = new TreeMap<>(environment);
        merged.putAll(extra);
        return new Command(argv, stdin, merged, namespace, timeout);
    }

    public Command inNamespace(String networkNamespace) {
        return new Command(argv, stdin, environment, Optional.of(networkNamespace), timeout);
    }

    public Command withTimeout(Duration newTimeout) {
        return new Command(argv, stdin, environment, namespace, newTimeout);
    }

    /** The argument vector actually executed: {@code ip netns exec <ns>} prepended when needed. */
    public List<String> effectiveArgv() {
        if (namespace.isEmpty()) {
            return argv;
        }
        List<String> full = new ArrayList<>(argv.size() + 4);
        full.addAll(List.of("ip", "netns", "exec", namespace.get()));
        full.addAll(argv);
        return List.copyOf(full);
    }

    /** Returns a copy: the record must stay immutable. */
    @Override
    public byte[] stdin() {
        return stdin.clone();
    }

    // Arrays compare by identity; a command is a value, so compare stdin by content.
    @Override
    public boolean equals(Object other) {
        return other instanceof Command that
                && argv.equals(that.argv)
                && Arrays.equals(stdin, that.stdin)
                && environment.equals(that.environment)
                && namespace.equals(that.namespace)
                && timeout.equals(that.timeout);
    }

    @Override
    public int hashCode() {
        return 31 * Objects.hash(argv, environment, namespace, timeout) + Arrays.hashCode(stdin);
    }

    @Override
    public String toString() {
        return String.join(" ", effectiveArgv())
                + (stdin.length > 0 ? " <" + stdin.length + " bytes of stdin>" : "")
                + (environment.isEmpty() ? "" : " env=" + new TreeMap<>(environment));
    }
}
