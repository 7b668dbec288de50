package io.weft.bench.system;

/** Reads one meter out of the Prometheus text format the server's {@code /metrics} serves. */
final class PrometheusText {
    private PrometheusText() {}

    /**
     * The sum of every sample of {@code metric} (a counter's {@code _total} sample included) whose
     * labels contain {@code labelText}; 0 when there is none.
     */
    static double sum(String text, String metric, String labelText) {
        double sum = 0;
        for (String line : text.split("\n")) {
            if (line.startsWith("#") || !line.startsWith(metric)) {
                continue;
            }
            String rest = line.substring(metric.length());
            if (rest.startsWith("_total")) {
                rest = rest.substring("_total".length());
            }
            if (!rest.startsWith(" ") && !rest.startsWith("{")) {
                continue; // another meter whose name starts the same
            }
            int valueAt = rest.lastIndexOf(' ');
            String labels = rest.substring(0, valueAt);
            if (labels.contains(labelText)) {
                sum += Double.parseDouble(rest.substring(valueAt + 1));
            }
        }
        return sum;
    }
}
