package io.weft.server.api.cloudstack;

import io.weft.server.tenancy.Caller;

/**
 * {@code listCapabilities} (API-COMPAT §2.6): what this cloud offers, as a single object. jclouds
 * reads it when it builds a context, so its field names are CloudStack's, camel case included.
 */
public final class ListCapabilitiesCommand implements CloudStackCommand {
    /** The capability object; field names and types as CloudStack sends them. */
    public record Capabilities(
            String cloudstackversion,
            boolean securitygroupsenabled,
            boolean userpublictemplateenabled,
            boolean firewallRuleUiEnabled,
            boolean supportELB,
            boolean projectinviterequired,
            boolean allowusercreateprojects,
            boolean kvmsnapshotenabled,
            boolean dynamicrolesenabled) {}

    @Override
    public String name() {
        return "listCapabilities";
    }

    @Override
    public boolean async() {
        return false;
    }

    @Override
    public CloudStackResult execute(Caller caller, Params params) {
        // Security groups are what Weft is for; templates, ELB, projects and snapshots are the IaaS's.
        return CloudStackResult.object(
                "capability",
                new Capabilities(
                        CloudStackEnvelopes.CLOUDSTACK_VERSION, true, false, false, false, false, false, false, false));
    }
}
