package io.weft.server;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static java.util.Objects.requireNonNull;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The server's packages depend one way: each layer on those below it only, so that a feature can be
 * read, changed and tested without the ones above it. Where a lower feature must act on a higher one
 * it declares an interface or a Guice contribution that the higher one fills in (entities through
 * {@code PersistentEntities}, job rendering through {@code JobFailures}). {@code docs/architecture.md}
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
            new Layer("compute", "io.weft.server.compute.."),
            new Layer("dispatch", "io.weft.server.dispatch.."),
            new Layer("jobs", "io.weft.server.jobs.."),
            new Layer("api", "io.weft.server.api.."),
            new Layer("root", "io.weft.server"));

    /**
     * Upward dependencies known today, each to be inverted and then removed from this list; nothing
     * may be added to it. The stores of tenancy and topology delete and count other features' rows
     * (being inverted beside the per-aggregate split of their services).
     */
    static final List<KnownUpward> KNOWN_UPWARD = List.of(
            new KnownUpward("tenancy.TenancyStore", "network", "securitygroup", "compute", "tags", "jobs"),
            new KnownUpward("topology.TopologyStore", "network", "compute"));

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
        for (KnownUpward known : KNOWN_UPWARD) {
            if (!SERVER.contain(known.origin())) {
                throw new IllegalStateException(known.origin() + " is gone: take it off KNOWN_UPWARD");
            }
            for (String target : known.layers()) {
                rule = rule.ignoreDependency(
                        nameMatching(Pattern.quote(known.origin()) + "(\\$.*)?"), resideInAPackage(packagesOf(target)));
            }
        }
        return rule;
    }

    private static String packagesOf(String layerName) {
        return LAYERS.stream()
                .filter(layer -> layer.name().equals(layerName))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no layer " + layerName))
                .packages();
    }

    record Layer(String name, String packages) {
        Layer {
            requireNonNull(name, "name is null");
            requireNonNull(packages, "packages is null");
        }
    }

    /** One class (and its nested classes) allowed, for now, to use the named layers above its own. */
    record KnownUpward(String origin, List<String> layers) {
        KnownUpward(String origin, String... layers) {
            this("io.weft.server." + origin, Arrays.asList(layers));
        }

        KnownUpward {
            requireNonNull(origin, "origin is null");
            layers = List.copyOf(layers);
        }
    }
}
