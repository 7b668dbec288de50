package io.weft.server.api.cloudstack.commands;

import static java.util.Objects.requireNonNull;

import io.weft.server.api.cloudstack.CloudStackResult;
import io.weft.server.api.cloudstack.JobOutcome;
import io.weft.server.api.cloudstack.Params;
import io.weft.server.api.cloudstack.commands.SecurityGroupResponses.GroupResponse;
import io.weft.server.error.ErrorCode;
import io.weft.server.error.WeftException;
import io.weft.server.securitygroup.GroupRef;
import io.weft.server.securitygroup.RuleDirection;
import io.weft.server.securitygroup.RuleRequest;
import io.weft.server.securitygroup.RuleView;
import io.weft.server.securitygroup.SecurityGroupService;
import io.weft.server.service.Mutation;
import io.weft.server.tenancy.Caller;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** {@code authorize/revokeSecurityGroupIngress/Egress}. */
final class RuleCommands {
    /** CloudStack's "any" for an ICMP type or code. */
    private static final int ANY_ICMP = -1;

    /** CloudStack takes ICMP codes 0-15 only ({@code NetUtils.validateIcmpCode}); EC2 takes 0-255. */
    private static final int MAX_ICMP_CODE = 15;

    private RuleCommands() {}

    /**
     * One request with every CIDR of {@code cidrlist} and every pair of {@code
     * usersecuritygrouplist}; the service makes one rule of each.
     */
    static RuleRequest request(Params params) {
        List<GroupRef> pairs = new ArrayList<>();
        for (Map<String, String> pair : params.indexed("usersecuritygrouplist")) {
            String group = pair.get("group");
            if (group == null || group.isEmpty()) {
                throw params.missing("usersecuritygrouplist.group");
            }
            String account = pair.get("account");
            if (account == null || account.isEmpty()) {
                // CloudStack names a source group by account and group, both required.
                throw new WeftException(
                        ErrorCode.INVALID_PARAMETER,
                        "Invalid user group specified, fields 'group' and 'account' cannot be null, please specify"
                                + " groups in the form: usersecuritygrouplist[0].group=XXX"
                                + "&usersecuritygrouplist[0].account=YYY");
            }
            pairs.add(GroupRef.name(account, group));
        }
        Optional<Integer> icmpCode = port(params, "icmpcode");
        if (icmpCode.filter(code -> code != ANY_ICMP && (code < 0 || code > MAX_ICMP_CODE))
                .isPresent()) {
            throw params.invalid("icmpcode", icmpCode.get().toString());
        }
        return new RuleRequest(
                params.get("protocol").orElse("all"),
                port(params, "startport"),
                port(params, "endport"),
                port(params, "icmptype"),
                icmpCode,
                params.list("cidrlist"),
                pairs,
                Optional.empty(),
                Optional.empty());
    }

    private static Optional<Integer> port(Params params, String name) {
        return params.number(name).map(value -> {
            if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
                throw params.invalid(name, value.toString());
            }
            return value.intValue();
        });
    }

    abstract static class Authorize extends JobCommand {
        private final SecurityGroupService groups;
        private final Owners owners;
        private final RuleDirection direction;

        Authorize(String name, RuleDirection direction, SecurityGroupService groups, Owners owners) {
            super(name, "SecurityGroup", "securitygroupid");
            this.groups = requireNonNull(groups, "groups is null");
            this.owners = requireNonNull(owners, "owners is null");
            this.direction = requireNonNull(direction, "direction is null");
        }

        @Override
        public JobOutcome run(Caller caller, Params params) {
            if (params.get("securitygroupid").isPresent()
                    && params.get("securitygroupname").isPresent()) {
                // CloudStack: "securityGroupId and securityGroupName parameters are mutually exclusive"
                throw new WeftException(
                        ErrorCode.INVALID_PARAMETER,
                        "securitygroupid and securitygroupname parameters are mutually exclusive");
            }
            UUID groupId = SecurityGroupCommands.groupId(
                    groups, owners, caller, params, "securitygroupid", "securitygroupname");
            Mutation<List<RuleView>> created = groups.authorize(caller, groupId, direction, List.of(request(params)));
            List<RuleView> rules = created.value();
            GroupResponse group = GroupResponse.withRules(
                    groups.get(caller, groupId),
                    direction == RuleDirection.INGRESS ? rules : List.of(),
                    direction == RuleDirection.EGRESS ? rules : List.of());
            return JobOutcome.of(CloudStackResult.object("securitygroup", group), created);
        }
    }

    static final class AuthorizeIngress extends Authorize {
        @Inject
        AuthorizeIngress(SecurityGroupService groups, Owners owners) {
            super("authorizeSecurityGroupIngress", RuleDirection.INGRESS, groups, owners);
        }
    }

    static final class AuthorizeEgress extends Authorize {
        @Inject
        AuthorizeEgress(SecurityGroupService groups, Owners owners) {
            super("authorizeSecurityGroupEgress", RuleDirection.EGRESS, groups, owners);
        }
    }

    abstract static class Revoke extends JobCommand {
        private final SecurityGroupService groups;
        private final RuleDirection direction;

        Revoke(String name, SecurityGroupService groups, RuleDirection direction) {
            super(name, "SecurityGroupRule", "id");
            this.groups = requireNonNull(groups, "groups is null");
            this.direction = requireNonNull(direction, "direction is null");
        }

        @Override
        public JobOutcome run(Caller caller, Params params) {
            return JobOutcome.of(
                    CloudStackResult.success(), groups.revoke(caller, List.of(params.requiredUuid("id")), direction));
        }
    }

    static final class RevokeIngress extends Revoke {
        @Inject
        RevokeIngress(SecurityGroupService groups) {
            super("revokeSecurityGroupIngress", groups, RuleDirection.INGRESS);
        }
    }

    static final class RevokeEgress extends Revoke {
        @Inject
        RevokeEgress(SecurityGroupService groups) {
            super("revokeSecurityGroupEgress", groups, RuleDirection.EGRESS);
        }
    }
}
