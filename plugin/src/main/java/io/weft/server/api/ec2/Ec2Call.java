package io.weft.server.api.ec2;

import static java.util.Objects.requireNonNull;

import io.weft.server.tenancy.Caller;
import io.weft.spec.ec2.ActionSpec;
import java.util.List;

/**
 * One authenticated EC2 call: what the action is, its parameters, who calls, the request id, and the
 * region the request was signed for (which EC2 answers report back as theirs).
 */
record Ec2Call(ActionSpec spec, Ec2Params params, Caller caller, String requestId, String region) {
    Ec2Call {
        requireNonNull(spec, "spec is null");
        requireNonNull(params, "params is null");
        requireNonNull(caller, "caller is null");
        requireNonNull(requestId, "requestId is null");
        requireNonNull(region, "region is null");
    }

    Ec2Call(ActionSpec spec, Ec2Params params, Caller caller, String requestId) {
        this(spec, params, caller, requestId, Ec2Zones.REGION);
    }

    Ec2Filters filters() {
        return Ec2Filters.parse(params, spec);
    }

    <T> Ec2Paging.Slice<T> page(List<T> all) {
        return Ec2Paging.page(all, params, spec.name());
    }
}
