package io.weft.bench.report;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What a figure was measured on. Load average is read before and after a run because this machine
 * is often shared: a figure taken at load 15 on 2 cores is an upper bound, not a speed.
 */
public record MachineFacts(
        String measuredAt,
        int cores,
        long memoryBytes,
        String os,
        String kernel,
        String jvm,
        String commit,
        double loadAverageBefore,
        double loadAverageAfter) {

    /** The facts as of now; {@code loadAverageAfter} is filled in by {@link #finished()}. */
    public static MachineFacts now(Path repository) {
        double load = loadAverage();
        return new MachineFacts(
                Instant.now().toString(),
                Runtime.getRuntime().availableProcessors(),
                totalMemory(),
                System.getProperty("os.name") + " " + System.getProperty("os.arch"),
                System.getProperty("os.version"),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                commit(repository),
                load,
                load);
    }

    public MachineFacts finished() {
        return new MachineFacts(
                measuredAt, cores, memoryBytes, os, kernel, jvm, commit, loadAverageBefore, loadAverage());
    }

    /** The one-minute load average from /proc/loadavg; NaN where there is none. */
    static double loadAverage() {
        try {
            String text = Files.readString(Path.of("/proc/loadavg")).trim();
            return Double.parseDouble(text.substring(0, text.indexOf(' ')));
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    private static long totalMemory() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize();
        }
        return -1;
    }

    /** The checked-out commit, with "+changes" when the work tree differs from it. */
    private static String commit(Path repository) {
        String head = git(repository, "rev-parse", "--short", "HEAD");
        if (head.isEmpty()) {
            return "unknown";
        }
        return git(repository, "status", "--porcelain", "--untracked-files=no").isEmpty() ? head : head + "+changes";
    }

    private static String git(Path repository, String... arguments) {
        try {
            Process process = new ProcessBuilder(concat(List.of("git", "-C", repository.toString()), arguments))
                    .redirectErrorStream(true)
                    .start();
            String output = new String(process.getInputStream().readAllBytes()).trim();
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0 ? output : "";
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private static List<String> concat(List<String> head, String... tail) {
        return Stream.concat(head.stream(), Arrays.stream(tail)).toList();
    }
}
