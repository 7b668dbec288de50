package io.weft.server;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static java.util.Objects.requireNonNull;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The server's packages depend one way: each layer on those below it only, so that a feature can be
 * read, changed and tested without the ones above it. Where a lower feature must act on a higher one
 * it declares an interface or a Guice contribution that the higher one fills in (entities through
 * {@code PersistentEntities}, job rendering through {@code JobFailures}, an account's rows through
 * {@code AccountResources}). No dependency is exempt. {@code docs/architecture.md}
 * draws the same layers.
 */
class PackageLayersTest {
    /** Lowest first; a layer may use every layer before it in this list and none after it. */
    static final List<Layer> LAYERS = List.of(
            new Layer("error", "io.weft.server.error.."),
            new Layer("config", "io.weft.server.config.."),
            new Layer("persistence", "io.weft.server.persistence.."),
            new Layer("service kit", "io.weft.server.service.."),
            new Layer("http", "io.weft.server.http.."),
            new Layer("metrics", "io.weft.server.metrics.."),
            new Layer("tenancy", "io.weft.server.tenancy.."),
            new Layer("topology", "io.weft.server.topology.."),
            // Above topology: the broker implements topology's AgentAccess.
            new Layer("broker", "io.weft.server.broker.."),
            new Layer("tags", "io.weft.server.tags.."),
            new Layer("network", "io.weft.server.network.."),
            new Layer("securitygroup", "io.weft.server.securitygroup.."),
            // Below compute: VMs deploy from the operator's offerings and templates.
            new Layer("catalogue", "io.weft.server.catalogue.."),
            new Layer("compute", "io.weft.server.compute.."),
            new Layer("ec2attributes", "io.weft.server.ec2attributes.."),
            new Layer("dispatch", "io.weft.server.dispatch.."),
            new Layer("jobs", "io.weft.server.jobs.."),
            new Layer("api", "io.weft.server.api.."),
            new Layer("root", "io.weft.server"));

    private static final JavaClasses SERVER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.weft.server");

    @Test
    void everyPackageDependsOnlyOnTheLayersBelowIt() {
        layers().check(SERVER);
    }

    static LayeredArchitecture layers() {
        LayeredArchitecture rule = layeredArchitecture().consideringOnlyDependenciesInLayers();
        for (Layer layer : LAYERS) {
            rule = rule.layer(layer.name()).definedBy(layer.packages());
        }
        for (int i = 0; i < LAYERS.size(); i++) {
            String[] above = LAYERS.subList(i + 1, LAYERS.size()).stream()
                    .map(Layer::name)
                    .toArray(String[]::new);
            rule = above.length == 0
                    ? rule.whereLayer(LAYERS.get(i).name()).mayNotBeAccessedByAnyLayer()
                    : rule.whereLayer(LAYERS.get(i).name()).mayOnlyBeAccessedByLayers(above);
        }
        return rule;
    }

    record Layer(String name, String packages) {
        Layer {
            requireNonNull(name, "name is null");
            requireNonNull(packages, "packages is null");
        }
    }
}
