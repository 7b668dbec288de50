package io.weft.server.api.cloudstack.commands;

import io.weft.server.catalogue.DiskOffering;
import io.weft.server.catalogue.OsType;
import io.weft.server.catalogue.ServiceOfferingView;
import io.weft.server.catalogue.TemplateView;
import java.time.Instant;

/**
 * Offerings, templates, OS types and hypervisors as CloudStack names their fields. Types follow
 * cloudstack-go's structs (numbers as numbers, flags as booleans), or Terraform fails to read them.
 */
final class CatalogueResponses {
    private CatalogueResponses() {}

    record ServiceOfferingResponse(
            String id,
            String name,
            String displaytext,
            int cpunumber,
            int cpuspeed,
            int memory,
            Integer networkrate,
            String storagetype,
            String provisioningtype,
            boolean iscustomized,
            boolean issystem,
            boolean isvolatile,
            boolean offerha,
            boolean limitcpuuse,
            Instant created) {
        static ServiceOfferingResponse of(ServiceOfferingView offering) {
            return new ServiceOfferingResponse(
                    offering.id().toString(),
                    offering.name(),
                    offering.displayText(),
                    offering.cpuNumber(),
                    offering.cpuSpeed(),
                    offering.memory(),
                    offering.networkRate().orElse(null),
                    "shared",
                    "thin",
                    false,
                    false,
                    false,
                    false,
                    false,
                    offering.created());
        }
    }

    /** {@code crossZones} is spelled so by CloudStack, the one camel-case field of a template. */
    record TemplateResponse(
            String id,
            String name,
            String displaytext,
            String account,
            String accountid,
            String domain,
            String domainid,
            String format,
            String hypervisor,
            String ostypeid,
            String ostypename,
            String zoneid,
            String zonename,
            boolean crossZones,
            boolean ispublic,
            boolean isfeatured,
            boolean isready,
            boolean isextractable,
            boolean passwordenabled,
            boolean sshkeyenabled,
            boolean bootable,
            boolean isdynamicallyscalable,
            String status,
            String templatetype,
            Instant created) {
        static TemplateResponse of(TemplateView template) {
            return new TemplateResponse(
                    template.id().toString(),
                    template.name(),
                    template.displayText(),
                    template.owner().map(TemplateView.Owner::accountName).orElse(null),
                    template.owner().map(owner -> owner.accountId().toString()).orElse(null),
                    template.owner().map(TemplateView.Owner::domainName).orElse(null),
                    template.owner().map(owner -> owner.domainId().toString()).orElse(null),
                    template.format(),
                    template.hypervisor().displayName(),
                    template.osType().id().toString(),
                    template.osType().description(),
                    template.zone().map(zone -> zone.id().toString()).orElse(null),
                    template.zone().map(TemplateView.ZoneRef::name).orElse(null),
                    template.crossZones(),
                    template.isPublic(),
                    template.isFeatured(),
                    true,
                    false,
                    template.passwordEnabled(),
                    false,
                    true,
                    false,
                    "Download Complete",
                    template.owner().isPresent() ? "USER" : "BUILTIN",
                    template.created());
        }
    }

    record OsTypeResponse(String id, String description, String oscategoryid, String oscategoryname) {
        static OsTypeResponse of(OsType type) {
            return new OsTypeResponse(
                    type.id().toString(), type.description(), type.categoryId().toString(), type.categoryName());
        }
    }

    record HypervisorResponse(String name) {}

    /** {@code disksize} in GB, as CloudStack reports it; 0 for a customized offering. */
    record DiskOfferingResponse(
            String id,
            String name,
            String displaytext,
            long disksize,
            boolean iscustomized,
            String storagetype,
            String provisioningtype) {
        static DiskOfferingResponse of(DiskOffering offering) {
            return new DiskOfferingResponse(
                    offering.id().toString(),
                    offering.name(),
                    offering.displayText(),
                    offering.diskSizeGb(),
                    offering.customized(),
                    "shared",
                    "thin");
        }
    }
}
