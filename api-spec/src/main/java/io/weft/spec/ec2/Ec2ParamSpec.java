package io.weft.spec.ec2;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One wire parameter of an EC2 action. The name is the flattened Query form: {@code .N} and {@code .M} stand for
 * list positions (from 1, or from 0) ({@code IpPermissions.N.Groups.M.GroupId}), dots separate structure members.
 *
 * @param limits the accepted range of an integer value, when the API bounds it
 * @param aliases other spellings the server also accepts, such as {@code UserIdGroupPairs} for {@code Groups}
 */
public record Ec2ParamSpec(
        String name,
        Ec2ParamType type,
        boolean required,
        String description,
        Optional<IntRange> limits,
        List<String> aliases) {
    /** A list position: AWS numbers from 1 and also accepts 0 (Libcloud sends {@code ResourceId.0}). */
    private static final String POSITION = "(?:0|[1-9][0-9]*)";

    public Ec2ParamSpec {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        requireNonNull(description, "description is null");
        requireNonNull(limits, "limits is null");
        aliases = List.copyOf(requireNonNull(aliases, "aliases is null"));
        if (limits.isPresent() && type != Ec2ParamType.INTEGER) {
            throw new IllegalArgumentException("only an integer parameter has limits: " + name);
        }
    }

    /** Whether a concrete wire name such as {@code VpcId.3} is this parameter or one of its aliases. */
    public boolean matches(String wireName) {
        requireNonNull(wireName, "wireName is null");
        List<String> spellings = new ArrayList<>(aliases);
        spellings.add(0, name);
        return spellings.stream()
                .anyMatch(spelling -> pattern(spelling).matcher(wireName).matches());
    }

    private static Pattern pattern(String spelling) {
        StringBuilder regex = new StringBuilder();
        for (String segment : spelling.split("\\.")) {
            if (regex.length() > 0) {
                regex.append("\\.");
            }
            regex.append(segment.equals("N") || segment.equals("M") ? POSITION : Pattern.quote(segment));
        }
        return Pattern.compile(regex.toString());
    }
}
