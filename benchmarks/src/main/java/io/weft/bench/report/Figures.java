package io.weft.bench.report;

import java.util.Locale;

/** How figures are written in the report: grouped digits, fixed decimals, units spelled out. */
public final class Figures {
    private Figures() {}

    public static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    public static String millis(double value) {
        if (Double.isNaN(value)) {
            return "—";
        }
        return value >= 100
                ? String.format(Locale.ROOT, "%,.0f ms", value)
                : String.format(Locale.ROOT, "%.1f ms", value);
    }

    public static String seconds(double value) {
        return Double.isNaN(value) ? "—" : String.format(Locale.ROOT, "%,.1f s", value);
    }

    public static String mebibytes(double bytes) {
        return Double.isNaN(bytes) ? "—" : String.format(Locale.ROOT, "%,.0f MiB", bytes / (1024.0 * 1024.0));
    }

    public static String bytes(double bytes) {
        return Double.isNaN(bytes) ? "—" : String.format(Locale.ROOT, "%,.0f B", bytes);
    }

    /** Median with the spread, e.g. "42.0 ms (38.1–51.2 ms, 5 runs)". */
    public static String millis(Summary summary) {
        if (summary.runs() == 0) {
            return "—";
        }
        if (summary.runs() == 1) {
            return millis(summary.median());
        }
        return millis(summary.median()) + " (" + millis(summary.min()) + " – " + millis(summary.max()) + ", "
                + summary.runs() + " runs)";
    }

    public static String ratio(double value) {
        return Double.isNaN(value) || Double.isInfinite(value) ? "—" : String.format(Locale.ROOT, "%,.1f×", value);
    }
}
