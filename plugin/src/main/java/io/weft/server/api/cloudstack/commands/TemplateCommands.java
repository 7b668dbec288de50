package io.weft.server.api.cloudstack.commands;

import static java.util.Objects.requireNonNull;

import io.weft.server.api.cloudstack.ApiConfig;
import io.weft.server.api.cloudstack.CloudStackResult;
import io.weft.server.api.cloudstack.JobOutcome;
import io.weft.server.api.cloudstack.Params;
import io.weft.server.api.cloudstack.commands.CatalogueResponses.TemplateResponse;
import io.weft.server.catalogue.OsTypes;
import io.weft.server.catalogue.TemplateFilter;
import io.weft.server.catalogue.TemplateService;
import io.weft.server.catalogue.TemplateSpec;
import io.weft.server.catalogue.TemplateView;
import io.weft.server.tenancy.Caller;
import io.weft.server.topology.HypervisorType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** {@code registerTemplate}, {@code listTemplates}, {@code deleteTemplate} and {@code listIsos}. */
final class TemplateCommands {
    /** CloudStack's zone id for "every zone". */
    private static final String EVERY_ZONE = "-1";

    private TemplateCommands() {}

    /** Records the template's metadata; Weft never downloads {@code url}. Answers a list of one, as CloudStack. */
    static final class Register extends SyncCommand {
        private final TemplateService templates;
        private final Owners owners;

        @Inject
        Register(TemplateService templates, Owners owners) {
            super("registerTemplate");
            this.templates = requireNonNull(templates, "templates is null");
            this.owners = requireNonNull(owners, "owners is null");
        }

        @Override
        public CloudStackResult execute(Caller caller, Params params) {
            String name = params.required("name");
            TemplateSpec spec = new TemplateSpec(
                    name,
                    params.get("displaytext").orElse(name),
                    params.required("format"),
                    Enums.required(params, "hypervisor", HypervisorType::parse),
                    params.uuid("ostypeid").orElse(OsTypes.OTHER_LINUX_64),
                    params.required("url"),
                    zone(params),
                    params.bool("ispublic", false),
                    params.bool("isfeatured", false),
                    params.bool("passwordenabled", false));
            TemplateView template = templates.register(caller, owners.owner(caller, params), spec);
            return CloudStackResult.list("template", List.of(TemplateResponse.of(template)), 1);
        }

        /** {@code zoneid}, or the one of {@code zoneids}; absent or -1 means every zone. */
        private static Optional<UUID> zone(Params params) {
            List<String> zones = params.get("zoneid").map(List::of).orElseGet(() -> params.list("zoneids"));
            if (zones.size() > 1) {
                throw params.invalid("zoneids", String.join(",", zones));
            }
            return zones.stream()
                    .filter(zone -> !zone.equals(EVERY_ZONE))
                    .findFirst()
                    .map(zone -> {
                        try {
                            return UUID.fromString(zone);
                        } catch (IllegalArgumentException e) {
                            throw params.invalid("zoneid", zone);
                        }
                    });
        }
    }

    static final class ListCommand extends SyncCommand {
        private final TemplateService templates;
        private final ApiConfig api;

        @Inject
        ListCommand(TemplateService templates, ApiConfig api) {
            super("listTemplates");
            this.templates = requireNonNull(templates, "templates is null");
            this.api = requireNonNull(api, "api is null");
        }

        @Override
        public CloudStackResult execute(Caller caller, Params params) {
            TemplateFilter filter = Enums.required(params, "templatefilter", TemplateFilter::parse);
            Optional<HypervisorType> hypervisor = Enums.parse(params, "hypervisor", HypervisorType::parse);
            Optional<UUID> zone =
                    params.get("zoneid").filter(id -> !id.equals(EVERY_ZONE)).flatMap(id -> params.uuid("zoneid"));
            return Listing.of(
                    "template",
                    templates.list(caller, filter, zone),
                    params,
                    api,
                    TemplateView::id,
                    TemplateView::name,
                    template -> hypervisor.map(h -> h == template.hypervisor()).orElse(true),
                    TemplateResponse::of);
        }
    }

    static final class Delete extends JobCommand {
        private final TemplateService templates;

        @Inject
        Delete(TemplateService templates) {
            super("deleteTemplate", "Template", "id");
            this.templates = requireNonNull(templates, "templates is null");
        }

        @Override
        public JobOutcome run(Caller caller, Params params) {
            templates.delete(caller, params.requiredUuid("id"));
            return JobOutcome.untracked(CloudStackResult.success());
        }
    }

    /** Weft registers no ISOs, so the honest answer is an empty list. */
    static final class ListIsos extends SyncCommand {
        @Inject
        ListIsos() {
            super("listIsos");
        }

        @Override
        public CloudStackResult execute(Caller caller, Params params) {
            return CloudStackResult.list("iso", List.of(), 0);
        }
    }
}
