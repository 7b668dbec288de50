package io.weft.server.api.cloudstack.commands;

import static java.util.Objects.requireNonNull;

import io.weft.server.api.cloudstack.ApiConfig;
import io.weft.server.api.cloudstack.CloudStackResult;
import io.weft.server.api.cloudstack.JobOutcome;
import io.weft.server.api.cloudstack.Params;
import io.weft.server.api.cloudstack.commands.TenancyResponses.DomainResponse;
import io.weft.server.tenancy.Caller;
import io.weft.server.tenancy.DomainService;
import io.weft.server.tenancy.DomainView;
import jakarta.inject.Inject;

/** {@code createDomain}, {@code listDomains}, {@code deleteDomain}. */
final class DomainCommands {
    private DomainCommands() {}

    static final class Create extends SyncCommand {
        private final DomainService domains;

        @Inject
        Create(DomainService domains) {
            super("createDomain");
            this.domains = requireNonNull(domains, "domains is null");
        }

        @Override
        public CloudStackResult execute(Caller caller, Params params) {
            DomainView domain = domains.create(caller, params.required("name"), params.uuid("parentdomainid"));
            return CloudStackResult.object("domain", DomainResponse.of(domain));
        }
    }

    static final class ListCommand extends SyncCommand {
        private final DomainService domains;
        private final ApiConfig api;

        @Inject
        ListCommand(DomainService domains, ApiConfig api) {
            super("listDomains");
            this.domains = requireNonNull(domains, "domains is null");
            this.api = requireNonNull(api, "api is null");
        }

        @Override
        public CloudStackResult execute(Caller caller, Params params) {
            java.util.Optional<Long> level = params.number("level");
            return Listing.of(
                    "domain",
                    domains.list(caller),
                    params,
                    api,
                    DomainView::id,
                    DomainView::name,
                    domain -> level.map(l -> l == domain.level()).orElse(true),
                    DomainResponse::of);
        }
    }

    static final class Delete extends JobCommand {
        private final DomainService domains;

        @Inject
        Delete(DomainService domains) {
            super("deleteDomain", "Domain", "id");
            this.domains = requireNonNull(domains, "domains is null");
        }

        @Override
        public JobOutcome run(Caller caller, Params params) {
            domains.delete(caller, params.requiredUuid("id"), params.bool("cleanup", false));
            return JobOutcome.untracked(CloudStackResult.success());
        }
    }
}
