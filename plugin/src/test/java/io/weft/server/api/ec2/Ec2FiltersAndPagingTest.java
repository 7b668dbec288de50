package io.weft.server.api.ec2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weft.spec.ec2.ActionSpec;
import io.weft.spec.ec2.Ec2Catalogue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class Ec2FiltersAndPagingTest {
    private static final ActionSpec DESCRIBE_VPCS =
            Ec2Catalogue.load().action("DescribeVpcs").orElseThrow();

    private static Ec2Params params(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return new Ec2Params(map);
    }

    @Test
    void valuesAreOredAndFiltersAnded() {
        Ec2Filters filters = Ec2Filters.parse(
                params(
                        "Filter.1.Name",
                        "cidr",
                        "Filter.1.Value.1",
                        "10.1.0.0/16",
                        "Filter.1.Value.2",
                        "10.0.*",
                        "Filter.2.Name",
                        "tag:env",
                        "Filter.2.Value.1",
                        "prod"),
                DESCRIBE_VPCS);

        assertThat(filters.matches(Map.of("cidr", List.of("10.0.0.0/16"), "tag:env", List.of("prod"))))
                .isTrue();
        assertThat(filters.matches(Map.of("cidr", List.of("10.1.0.0/16"), "tag:env", List.of("prod"))))
                .isTrue();
        assertThat(filters.matches(Map.of("cidr", List.of("10.2.0.0/16"), "tag:env", List.of("prod"))))
                .isFalse();
        assertThat(filters.matches(Map.of("cidr", List.of("10.0.0.0/16")))).isFalse();
    }

    @Test
    void wildcardsMatchAnyRunAndOneCharacter() {
        assertThat(Ec2Filters.wildcard("web-?").matcher("web-1").matches()).isTrue();
        assertThat(Ec2Filters.wildcard("web-?").matcher("web-10").matches()).isFalse();
        assertThat(Ec2Filters.wildcard("*prod*").matcher("eu-prod-1").matches()).isTrue();
        assertThat(Ec2Filters.wildcard("a\\*b").matcher("a*b").matches()).isTrue();
        assertThat(Ec2Filters.wildcard("a\\*b").matcher("axb").matches()).isFalse();
        assertThat(Ec2Filters.wildcard("1.2").matcher("102").matches()).isFalse();
    }

    @Test
    void tagKeyFilterMatchesAnyTagWithThatKey() {
        Ec2Filters filters =
                Ec2Filters.parse(params("Filter.1.Name", "tag-key", "Filter.1.Value.1", "Name"), DESCRIBE_VPCS);
        Map<String, List<String>> tagged = new Ec2Attributes()
                .put("vpc-id", "vpc-1")
                .put("tag-key", "Name")
                .asMap();

        assertThat(filters.matches(tagged)).isTrue();
        assertThat(filters.matches(Map.of("vpc-id", List.of("vpc-1")))).isFalse();
    }

    @Test
    void unknownFilterNameIsInvalidParameterValue() {
        assertThatThrownBy(() ->
                        Ec2Filters.parse(params("Filter.1.Name", "colour", "Filter.1.Value.1", "red"), DESCRIBE_VPCS))
                .isInstanceOfSatisfying(
                        Ec2Failure.class, e -> assertThat(e.code()).isEqualTo("InvalidParameterValue"));
    }

    @Test
    void pagesFollowNextTokenUntilNoneIsLeft() {
        List<Integer> all = IntStream.range(0, 12).boxed().toList();
        List<Integer> seen = new ArrayList<>();
        Optional<String> token = Optional.empty();
        int pages = 0;
        do {
            Map<String, String> map = new LinkedHashMap<>(Map.of("MaxResults", "5", "VpcId.1", "vpc-a"));
            token.ifPresent(t -> map.put("NextToken", t));
            Ec2Paging.Slice<Integer> slice = Ec2Paging.page(all, new Ec2Params(map), "DescribeVpcs");
            seen.addAll(slice.items());
            token = slice.nextToken();
            pages++;
        } while (token.isPresent());

        assertThat(seen).isEqualTo(all);
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void withoutMaxResultsEverythingComesAtOnce() {
        Ec2Paging.Slice<Integer> slice = Ec2Paging.page(List.of(1, 2, 3), params(), "DescribeVpcs");

        assertThat(slice.items()).containsExactly(1, 2, 3);
        assertThat(slice.nextToken()).isEmpty();
    }

    @Test
    void maxResultsOutsideFiveToAThousandIsInvalid() {
        assertThatThrownBy(() -> Ec2Paging.page(List.of(1), params("MaxResults", "4"), "DescribeVpcs"))
                .isInstanceOfSatisfying(
                        Ec2Failure.class, e -> assertThat(e.code()).isEqualTo("InvalidParameterValue"));
        assertThatThrownBy(() -> Ec2Paging.page(List.of(1), params("MaxResults", "1001"), "DescribeVpcs"))
                .isInstanceOfSatisfying(
                        Ec2Failure.class, e -> assertThat(e.code()).isEqualTo("InvalidParameterValue"));
    }

    @Test
    void tokenOfAnotherRequestIsInvalidNextToken() {
        List<Integer> all = IntStream.range(0, 12).boxed().toList();
        String token = Ec2Paging.page(all, params("MaxResults", "5"), "DescribeVpcs")
                .nextToken()
                .orElseThrow();

        assertThatThrownBy(() -> Ec2Paging.page(
                        all, params("MaxResults", "5", "NextToken", token, "VpcId.1", "vpc-b"), "DescribeVpcs"))
                .isInstanceOfSatisfying(
                        Ec2Failure.class, e -> assertThat(e.code()).isEqualTo("InvalidNextToken"));
        assertThatThrownBy(() -> Ec2Paging.page(all, params("NextToken", "garbage!"), "DescribeVpcs"))
                .isInstanceOfSatisfying(
                        Ec2Failure.class, e -> assertThat(e.code()).isEqualTo("InvalidNextToken"));
    }

    @Test
    void paramsReadListsAndStructsUnderEitherWireName() {
        Ec2Params request = params(
                "IpPermissions.1.IpProtocol", "tcp",
                "IpPermissions.1.Groups.2.GroupId", "sg-2",
                "IpPermissions.1.Groups.1.GroupId", "sg-1",
                "IpPermissions.1.UserIdGroupPairs.1.GroupId", "sg-3",
                "IpPermissions.1.IpRanges.1.CidrIp", "10.0.0.0/8",
                "VpcId.2", "vpc-b",
                "VpcId.1", "vpc-a");
        Ec2Params permission = request.structs("IpPermissions").get(0);

        assertThat(request.list("VpcId")).containsExactly("vpc-a", "vpc-b");
        assertThat(permission.required("IpProtocol")).isEqualTo("tcp");
        assertThat(permission.structs("Groups", "UserIdGroupPairs").stream().map(pair -> pair.required("GroupId")))
                .containsExactly("sg-1", "sg-2", "sg-3");
        assertThatThrownBy(() -> permission.required("FromPort")).isInstanceOfSatisfying(Ec2Failure.class, e -> {
            assertThat(e.code()).isEqualTo("MissingParameter");
            assertThat(e.getMessage()).contains("IpPermissions.1.FromPort");
        });
    }
}
