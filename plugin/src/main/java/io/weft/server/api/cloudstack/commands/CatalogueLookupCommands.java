package io.weft.server.api.cloudstack.commands;

import static java.util.Objects.requireNonNull;

import io.weft.server.api.cloudstack.ApiConfig;
import io.weft.server.api.cloudstack.CloudStackResult;
import io.weft.server.api.cloudstack.Params;
import io.weft.server.api.cloudstack.commands.CatalogueResponses.DiskOfferingResponse;
import io.weft.server.api.cloudstack.commands.CatalogueResponses.HypervisorResponse;
import io.weft.server.api.cloudstack.commands.CatalogueResponses.OsTypeResponse;
import io.weft.server.catalogue.DiskOffering;
import io.weft.server.catalogue.DiskOfferings;
import io.weft.server.catalogue.OsType;
import io.weft.server.catalogue.OsTypes;
import io.weft.server.tenancy.Caller;
import io.weft.server.topology.HypervisorType;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** The fixed lists clients look names up in: {@code listOsTypes}, {@code listHypervisors}, {@code listDiskOfferings}. */
final class CatalogueLookupCommands {
    private CatalogueLookupCommands() {}

    /** {@code description} matches any part of it, ignoring case, as CloudStack's LIKE does. */
    static final class ListOsTypes extends SyncCommand {
        private final ApiConfig api;

        @Inject
        ListOsTypes(ApiConfig api) {
            super("listOsTypes");
            this.api = requireNonNull(api, "api is null");
        }

        @Override
        public CloudStackResult execute(Caller caller, Params params) {
            Optional<String> description = params.get("description").map(d -> d.toLowerCase(Locale.ROOT));
            Optional<UUID> category = params.uuid("oscategoryid");
            return Listing.of(
                    "ostype",
                    OsTypes.ALL,
                    params,
                    api,
                    OsType::id,
                    OsType::description,
                    type -> description
                                    .map(d -> type.description()
                                            .toLowerCase(Locale.ROOT)
                                            .contains(d))
                                    .orElse(true)
                            && category.map(type.categoryId()::equals).orElse(true),
                    OsTypeResponse::of);
        }
    }

    /** Every hypervisor type Weft accepts for clusters; it programs the same dataplane under each. */
    static final class ListHypervisors extends SyncCommand {
        @Inject
        ListHypervisors() {
            super("listHypervisors");
        }

        @Override
        public CloudStackResult execute(Caller caller, Params params) {
            var hypervisors = Arrays.stream(HypervisorType.values())
                    .map(type -> new HypervisorResponse(type.displayName()))
                    .toList();
            return CloudStackResult.list("hypervisor", hypervisors, hypervisors.size());
        }
    }

    static final class ListDiskOfferings extends SyncCommand {
        private final ApiConfig api;

        @Inject
        ListDiskOfferings(ApiConfig api) {
            super("listDiskOfferings");
            this.api = requireNonNull(api, "api is null");
        }

        @Override
        public CloudStackResult execute(Caller caller, Params params) {
            return Listing.of(
                    "diskoffering",
                    DiskOfferings.ALL,
                    params,
                    api,
                    DiskOffering::id,
                    DiskOffering::name,
                    offering -> true,
                    DiskOfferingResponse::of);
        }
    }
}
