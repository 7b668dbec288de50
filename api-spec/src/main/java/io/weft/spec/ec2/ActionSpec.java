package io.weft.spec.ec2;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * One action of the EC2-compatible Query API.
 *
 * @param responseRoot the root element of the XML reply, {@code <Action>Response}
 * @param responseElements the elements directly under the root, in order ({@code vpcSet}, {@code nextToken})
 * @param paginated whether the action takes {@code MaxResults}/{@code NextToken} and emits {@code nextToken}
 * @param filters the {@code Filter.N.Name} values allowed; {@code tag:<key>} stands for every {@code tag:} name
 */
public record ActionSpec(
        String name,
        String description,
        List<Ec2ParamSpec> params,
        String responseRoot,
        List<String> responseElements,
        boolean paginated,
        List<String> filters) {
    /** The spelling of "any tag key" in {@link #filters()}. */
    public static final String TAG_KEY_FILTER = "tag:<key>";

    public ActionSpec {
        requireNonNull(name, "name is null");
        requireNonNull(description, "description is null");
        params = List.copyOf(requireNonNull(params, "params is null"));
        requireNonNull(responseRoot, "responseRoot is null");
        responseElements = List.copyOf(requireNonNull(responseElements, "responseElements is null"));
        filters = List.copyOf(requireNonNull(filters, "filters is null"));
        if (params.stream().map(Ec2ParamSpec::name).distinct().count() != params.size()) {
            throw new IllegalArgumentException(name + " declares a parameter twice");
        }
    }

    /** The parameter a concrete wire name such as {@code IpPermissions.2.IpRanges.1.CidrIp} belongs to. */
    public Optional<Ec2ParamSpec> param(String wireName) {
        requireNonNull(wireName, "wireName is null");
        return params.stream().filter(param -> param.matches(wireName)).findFirst();
    }

    /** Whether {@code Filter.N.Name} may be {@code filterName}; unknown names are an {@code InvalidParameterValue}. */
    public boolean allowsFilter(String filterName) {
        requireNonNull(filterName, "filterName is null");
        if (filters.contains(filterName)) {
            return true;
        }
        return filters.contains(TAG_KEY_FILTER) && filterName.startsWith("tag:") && filterName.length() > 4;
    }
}
