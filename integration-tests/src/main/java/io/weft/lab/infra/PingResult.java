package io.weft.lab.infra;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What one ping run counted: echo requests sent and replies received. */
public record PingResult(int sent, int received) {

    private static final Pattern SUMMARY = Pattern.compile("(\\d+) packets transmitted, (\\d+) received");

    public PingResult {
        if (sent < 0 || received < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
    }

    /** Parses the summary line of iputils ping, e.g. "3 packets transmitted, 2 received, ...". */
    public static Optional<PingResult> parse(String pingOutput) {
        Matcher matcher = SUMMARY.matcher(pingOutput);
        if (!matcher.find()) {
            return Optional.empty();
        }
        return Optional.of(new PingResult(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2))));
    }

    public boolean anyReceived() {
        return received > 0;
    }

    public boolean allReceived() {
        return sent > 0 && received == sent;
    }
}
