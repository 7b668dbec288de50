package io.weft.server.api.cloudstack.commands;

import static java.util.Objects.requireNonNull;

import io.weft.server.api.cloudstack.ApiConfig;
import io.weft.server.api.cloudstack.CloudStackResult;
import io.weft.server.api.cloudstack.Params;
import io.weft.server.api.cloudstack.commands.CatalogueResponses.ServiceOfferingResponse;
import io.weft.server.catalogue.OfferingSpec;
import io.weft.server.catalogue.ServiceOfferingService;
import io.weft.server.catalogue.ServiceOfferingView;
import io.weft.server.tenancy.Caller;
import jakarta.inject.Inject;

/** {@code create/list/update/deleteServiceOffering}. */
final class ServiceOfferingCommands {
    private ServiceOfferingCommands() {}

    static final class Create extends SyncCommand {
        private final ServiceOfferingService offerings;

        @Inject
        Create(ServiceOfferingService offerings) {
            super("createServiceOffering");
            this.offerings = requireNonNull(offerings, "offerings is null");
        }

        @Override
        public CloudStackResult execute(Caller caller, Params params) {
            String name = params.required("name");
            OfferingSpec spec = new OfferingSpec(
                    name,
                    params.get("displaytext").orElse(name),
                    intParam(params, "cpunumber"),
                    intParam(params, "cpuspeed"),
                    intParam(params, "memory"),
                    params.number("networkrate").map(rate -> toInt(params, "networkrate", rate)));
            return CloudStackResult.object(
                    "serviceoffering", ServiceOfferingResponse.of(offerings.create(caller, spec)));
        }

        private static int intParam(Params params, String name) {
            return toInt(params, name, params.number(name).orElseThrow(() -> params.missing(name)));
        }

        private static int toInt(Params params, String name, long value) {
            if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
                throw params.invalid(name, Long.toString(value));
            }
            return (int) value;
        }
    }

    /** Every offering is public, so every caller lists the same ones. */
    static final class ListCommand extends SyncCommand {
        private final ServiceOfferingService offerings;
        private final ApiConfig api;

        @Inject
        ListCommand(ServiceOfferingService offerings, ApiConfig api) {
            super("listServiceOfferings");
            this.offerings = requireNonNull(offerings, "offerings is null");
            this.api = requireNonNull(api, "api is null");
        }

        @Override
        public CloudStackResult execute(Caller caller, Params params) {
            // System offerings (for routers and the like) do not exist in Weft.
            boolean system = params.bool("issystem", false);
            return Listing.of(
                    "serviceoffering",
                    offerings.list(caller),
                    params,
                    api,
                    ServiceOfferingView::id,
                    ServiceOfferingView::name,
                    offering -> !system,
                    ServiceOfferingResponse::of);
        }
    }

    static final class Update extends SyncCommand {
        private final ServiceOfferingService offerings;

        @Inject
        Update(ServiceOfferingService offerings) {
            super("updateServiceOffering");
            this.offerings = requireNonNull(offerings, "offerings is null");
        }

        @Override
        public CloudStackResult execute(Caller caller, Params params) {
            ServiceOfferingView offering =
                    offerings.update(caller, params.requiredUuid("id"), params.get("name"), params.get("displaytext"));
            return CloudStackResult.object("serviceoffering", ServiceOfferingResponse.of(offering));
        }
    }

    static final class Delete extends SyncCommand {
        private final ServiceOfferingService offerings;

        @Inject
        Delete(ServiceOfferingService offerings) {
            super("deleteServiceOffering");
            this.offerings = requireNonNull(offerings, "offerings is null");
        }

        @Override
        public CloudStackResult execute(Caller caller, Params params) {
            offerings.delete(caller, params.requiredUuid("id"));
            return CloudStackResult.success();
        }
    }
}
