package io.weft.spec.ec2;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.weft.spec.CatalogueException;
import io.weft.spec.json.CatalogueResource;
import java.io.InputStream;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Every action of the EC2-compatible Query API, sorted by name, and the error codes the server may answer with,
 * in the order of the catalogue.
 *
 * @param apiVersion the {@code Version} the SDK sends, also the XML namespace's date
 */
public record Ec2Catalogue(String apiVersion, List<ActionSpec> actions, List<Ec2ErrorSpec> errors) {
    public static final String RESOURCE = "/io/weft/spec/ec2-actions.json";

    public Ec2Catalogue {
        requireNonNull(apiVersion, "apiVersion is null");
        actions = requireNonNull(actions, "actions is null").stream()
                .sorted(Comparator.comparing(ActionSpec::name))
                .toList();
        errors = List.copyOf(requireNonNull(errors, "errors is null"));
        requireUnique(actions.stream().map(ActionSpec::name).toList(), "action");
        requireUnique(errors.stream().map(Ec2ErrorSpec::code).toList(), "error code");
    }

    /** The catalogue shipped with this module. */
    public static Ec2Catalogue load() {
        return new Ec2CatalogueReader(CatalogueResource.read(Ec2Catalogue.class, RESOURCE), RESOURCE).catalogue();
    }

    public static Ec2Catalogue parse(InputStream in, String where) {
        JsonNode root = CatalogueResource.parse(in, where);
        return new Ec2CatalogueReader(root, where).catalogue();
    }

    /** The action called exactly {@code name}, as sent in {@code Action=}. */
    public Optional<ActionSpec> action(String name) {
        requireNonNull(name, "name is null");
        return actions.stream().filter(action -> action.name().equals(name)).findFirst();
    }

    public Optional<Ec2ErrorSpec> error(String code) {
        requireNonNull(code, "code is null");
        return errors.stream().filter(error -> error.code().equals(code)).findFirst();
    }

    private static void requireUnique(List<String> names, String what) {
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            if (!seen.add(name)) {
                throw new CatalogueException(what + " " + name + " is declared twice");
            }
        }
    }
}
