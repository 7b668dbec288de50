package io.weft.spec.docs;

import io.weft.spec.cloudstack.CloudStackCatalogue;
import io.weft.spec.ec2.Ec2Catalogue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes the API references in {@code docs/api/} from the catalogues. A unit test compares the committed files with
 * {@link #references()}, so the documentation cannot drift from what the server routes and validates.
 *
 * <p>To regenerate, run the check with {@code -Dweft.regenerateDocs=true}: {@code mvn -B -pl api-spec test
 * -Dtest=ReferenceDocsTest -Dweft.regenerateDocs=true}. The {@code main} does the same from any class path; its only,
 * optional argument is the output folder (default: {@code docs/api} of the project found above the working folder).
 */
public final class ReferenceGenerator {
    static final String GENERATED_NOTICE =
            "<!-- Generated from %s by io.weft.spec.docs.ReferenceGenerator. Do not edit by hand. -->";

    /** The folder of the references, relative to the project root. */
    public static final Path DOCS_FOLDER = Paths.get("docs", "api");

    private ReferenceGenerator() {}

    public static void main(String[] args) {
        if (args.length > 1) {
            System.err.println("usage: ReferenceGenerator [output folder, default docs/api of the project]");
            System.exit(2);
        }
        Path folder = args.length == 1 ? Paths.get(args[0]) : ProjectRoot.find().resolve(DOCS_FOLDER);
        write(folder);
        System.out.println("wrote " + references().keySet() + " to " + folder.toAbsolutePath());
    }

    /** Each reference file name with its content, in a fixed order. */
    public static Map<String, String> references() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("cloudstack.md", CloudStackReference.render(CloudStackCatalogue.load()));
        files.put("ec2.md", Ec2Reference.render(Ec2Catalogue.load()));
        return files;
    }

    public static void write(Path folder) {
        try {
            Files.createDirectories(folder);
            for (Map.Entry<String, String> file : references().entrySet()) {
                Files.writeString(folder.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the API references to " + folder, e);
        }
    }
}
