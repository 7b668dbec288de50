package io.weft.it.clients;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One host's line of an {@code ansible-playbook} PLAY RECAP, e.g. {@code localhost : ok=17
 * changed=0 unreachable=0 failed=0 skipped=13 rescued=0 ignored=0}: how a run proves it changed
 * nothing the second time.
 */
record PlayRecap(int ok, int changed, int unreachable, int failed, int skipped, int rescued, int ignored) {
    private static final Pattern LINE = Pattern.compile("(?m)^(\\S+)\\s+:\\s+ok=(\\d+)\\s+changed=(\\d+)\\s+"
            + "unreachable=(\\d+)\\s+failed=(\\d+)\\s+skipped=(\\d+)\\s+rescued=(\\d+)\\s+ignored=(\\d+)\\s*$");

    /** The recap of {@code host} in a run's output; empty when the run ended before its recap. */
    static Optional<PlayRecap> of(String output, String host) {
        int recap = output.lastIndexOf("PLAY RECAP");
        if (recap < 0) {
            return Optional.empty();
        }
        Matcher matcher = LINE.matcher(output.substring(recap));
        while (matcher.find()) {
            if (matcher.group(1).equals(host)) {
                return Optional.of(new PlayRecap(
                        count(matcher, 2),
                        count(matcher, 3),
                        count(matcher, 4),
                        count(matcher, 5),
                        count(matcher, 6),
                        count(matcher, 7),
                        count(matcher, 8)));
            }
        }
        return Optional.empty();
    }

    private static int count(Matcher matcher, int group) {
        return Integer.parseInt(matcher.group(group));
    }

    /** Every task reached its host and none failed, ignored failures included. */
    boolean clean() {
        return unreachable == 0 && failed == 0 && ignored == 0;
    }
}
