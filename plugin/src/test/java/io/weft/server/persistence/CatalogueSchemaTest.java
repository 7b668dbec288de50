package io.weft.server.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.weft.server.catalogue.CatalogueStore;
import io.weft.server.catalogue.OfferingSpec;
import io.weft.server.catalogue.OsTypes;
import io.weft.server.catalogue.SeededCatalogue;
import io.weft.server.catalogue.ServiceOffering;
import io.weft.server.catalogue.Template;
import io.weft.server.catalogue.TemplateSpec;
import io.weft.server.compute.VirtualMachine;
import io.weft.server.tenancy.Account;
import io.weft.server.topology.HypervisorType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.SessionFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The catalogue's migration on every database: the seeded defaults, and its rows round-trip. */
class CatalogueSchemaTest {
    private static final Instant NOW = Instant.parse("2026-03-01T10:15:30.123456Z");
    private final CatalogueStore store = new CatalogueStore();

    @ParameterizedTest
    @EnumSource(DatabaseVendor.class)
    void theDefaultsAreSeeded(DatabaseVendor vendor) {
        try (TestDatabase testDatabase = TestDatabase.create(vendor);
                Database database = testDatabase.open()) {
            database.sessionFactory().inTransaction(session -> {
                assertThat(store.offerings(session))
                        .extracting(ServiceOffering::getUuid, ServiceOffering::getName, ServiceOffering::getMemory)
                        .containsExactly(
                                tuple(SeededCatalogue.SMALL_INSTANCE, "Small Instance", 512),
                                tuple(SeededCatalogue.MEDIUM_INSTANCE, "Medium Instance", 1024));
                Template template = store.templates(session).get(0);
                assertThat(template.getUuid()).isEqualTo(SeededCatalogue.UBUNTU_TEMPLATE);
                assertThat(template.getAccount()).isNull();
                assertThat(template.getZoneId()).isNull();
                assertThat(template.getOsTypeId()).isEqualTo(OsTypes.UBUNTU_22_04);
                assertThat(OsTypes.find(template.getOsTypeId())).isPresent();
                assertThat(template.isPublic()).isTrue();
                assertThat(template.isFeatured()).isTrue();
            });
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseVendor.class)
    void offeringsTemplatesAndTheVmsThatNameThemRoundTrip(DatabaseVendor vendor) {
        try (TestDatabase testDatabase = TestDatabase.create(vendor);
                Database database = testDatabase.open()) {
            SessionFactory sessions = database.sessionFactory();
            ModelGraph graph = new ModelGraph();
            sessions.inTransaction(graph::persist);
            UUID offeringId = UUID.randomUUID();
            UUID templateId = UUID.randomUUID();
            UUID zoneId = graph.zone.getUuid();
            sessions.inTransaction(session -> {
                ServiceOffering offering = new ServiceOffering(
                        offeringId, new OfferingSpec("Rated", "4 CPUs", 4, 2000, 8192, Optional.of(100)), NOW);
                session.persist(offering);
                Template template = new Template(
                        templateId,
                        ModelGraph.load(session, Account.class, graph.account.getUuid()),
                        new TemplateSpec(
                                "image",
                                "an image",
                                "QCOW2",
                                HypervisorType.XEN_SERVER,
                                OsTypes.OTHER_LINUX_64,
                                "http://images.example/image.qcow2",
                                Optional.of(zoneId),
                                false,
                                false,
                                true),
                        NOW);
                session.persist(template);
                VirtualMachine vm = ModelGraph.load(session, VirtualMachine.class, graph.vm.getUuid());
                vm.setServiceOfferingId(offeringId);
                vm.setTemplateId(templateId);
            });
            sessions.inTransaction(session -> {
                ServiceOffering offering = store.offering(session, offeringId).orElseThrow();
                assertThat(offering.getNetworkRate()).isEqualTo(100);
                assertThat(offering.getCpuSpeed()).isEqualTo(2000);
                assertThat(offering.getCreated()).isEqualTo(NOW.truncatedTo(ChronoUnit.MICROS));
                Template template = store.template(session, templateId).orElseThrow();
                assertThat(template.getAccount().getUuid()).isEqualTo(graph.account.getUuid());
                assertThat(template.getHypervisor()).isEqualTo(HypervisorType.XEN_SERVER);
                assertThat(template.getZoneId()).isEqualTo(zoneId);
                assertThat(template.isPasswordEnabled()).isTrue();
                VirtualMachine vm = ModelGraph.load(session, VirtualMachine.class, graph.vm.getUuid());
                assertThat(vm.getServiceOfferingId()).isEqualTo(offeringId);
                assertThat(vm.getTemplateId()).isEqualTo(templateId);
                offering.markRemoved(NOW);
            });
            sessions.inTransaction(session -> {
                assertThat(store.offerings(session))
                        .extracting(ServiceOffering::getUuid)
                        .doesNotContain(offeringId);
                assertThat(store.offering(session, offeringId).orElseThrow().isRemoved())
                        .isTrue();
            });
        }
    }
}
