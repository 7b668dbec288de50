package io.weft.spec.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReferenceDocsTest {
    private static final String REGENERATE =
            "mvn -B -pl api-spec test -Dtest=ReferenceDocsTest -Dweft.regenerateDocs=true";

    @Test
    void committedReferencesMatchTheCatalogues() throws IOException {
        Path folder = ProjectRoot.find().resolve(ReferenceGenerator.DOCS_FOLDER);
        if (Boolean.getBoolean("weft.regenerateDocs")) {
            ReferenceGenerator.write(folder);
        }
        for (Map.Entry<String, String> reference :
                ReferenceGenerator.references().entrySet()) {
            Path file = folder.resolve(reference.getKey());
            String committed = Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
            assertThat(committed)
                    .as("%s is out of date with the catalogue; regenerate it with: %s", file, REGENERATE)
                    .isEqualTo(reference.getValue());
        }
    }

    @Test
    void referencesDescribeEveryCommandAndAction() {
        Map<String, String> references = ReferenceGenerator.references();

        assertThat(references.get("cloudstack.md"))
                .contains("## authorizeSecurityGroupIngress")
                .contains("| `securitygroup[].ingressrule[].ruleid` |")
                .contains("`{\"deployvirtualmachineresponse\":{\"id\":…,\"jobid\":…}}`");
        assertThat(references.get("ec2.md"))
                .contains("## DescribeSecurityGroupRules")
                .contains("`IpPermissions.N.UserIdGroupPairs.M.GroupId`")
                .contains("| `MaxResults` | integer |  | 5–1000 |");
    }
}
