package io.weft.server.securitygroup;

import io.weft.server.tenancy.Account;
import java.util.List;
import java.util.Optional;
import org.hibernate.Session;

/** Builds the API views of groups and rules. */
final class GroupViews {
    private GroupViews() {}

    static SecurityGroupView view(Session session, SecurityGroupStore store, SecurityGroupEntity group) {
        List<RuleView> rules =
                store.rulesOf(session, group).stream().map(GroupViews::view).toList();
        Account account = group.getAccount();
        return new SecurityGroupView(
                group.getUuid(),
                group.getName(),
                Optional.ofNullable(group.getDescription()),
                account.getUuid(),
                account.getName(),
                account.getDomain().getUuid(),
                account.getDomain().getName(),
                Optional.ofNullable(group.getScope()).map(scope -> scope.getUuid()),
                group.getEgressPolicy(),
                DefaultGroups.isDefault(group),
                rules.stream()
                        .filter(rule -> rule.direction() == RuleDirection.INGRESS)
                        .toList(),
                rules.stream()
                        .filter(rule -> rule.direction() == RuleDirection.EGRESS)
                        .toList(),
                store.memberNicsOf(session, group),
                store.vmsOf(session, group),
                group.getCreated());
    }

    static RuleView view(SecurityGroupRuleEntity rule) {
        SecurityGroupEntity remote = rule.getRemoteGroup();
        return new RuleView(
                rule.getUuid(),
                rule.getSecurityGroup().getUuid(),
                rule.getDirection(),
                rule.getEtherType(),
                rule.getProtocol(),
                Optional.ofNullable(rule.getStartPort()),
                Optional.ofNullable(rule.getEndPort()),
                Optional.ofNullable(rule.getIcmpType()),
                Optional.ofNullable(rule.getIcmpCode()),
                Optional.ofNullable(rule.getRemoteCidr()),
                Optional.ofNullable(remote)
                        .map(group -> new RuleView.RemoteGroupView(
                                group.getUuid(),
                                group.getName(),
                                group.getAccount().getUuid(),
                                group.getAccount().getName(),
                                Optional.ofNullable(group.getScope()).map(scope -> scope.getUuid()))),
                Optional.ofNullable(rule.getDescription()));
    }
}
