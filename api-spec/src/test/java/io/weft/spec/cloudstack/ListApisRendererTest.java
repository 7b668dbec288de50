package io.weft.spec.cloudstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ListApisRendererTest {
    private static final CloudStackCatalogue CATALOGUE = CloudStackCatalogue.load();

    @Test
    void everyApiCarriesEveryKeyCloudMonkeyTypeAsserts() {
        Map<String, Object> body = ListApisRenderer.render(CATALOGUE, Optional.empty());

        for (Object item : list(body.get("api"))) {
            Map<String, Object> api = map(item);
            assertThat(api.get("name")).isInstanceOf(String.class);
            String name = (String) api.get("name");
            assertThat(api.get("isasync")).as(name).isInstanceOf(Boolean.class);
            assertThat(api.get("description")).as(name).isInstanceOf(String.class);
            assertThat(api.get("response")).as(name).isInstanceOf(List.class);
            for (Object paramItem : list(api.get("params"))) {
                Map<String, Object> param = map(paramItem);
                assertThat(param.get("name")).as(name).isInstanceOf(String.class);
                assertThat(param.get("type")).as(name + " " + param.get("name")).isInstanceOf(String.class);
                assertThat(param.get("required"))
                        .as(name + " " + param.get("name"))
                        .isInstanceOf(Boolean.class);
                assertThat(param.get("description"))
                        .as(name + " " + param.get("name"))
                        .isInstanceOf(String.class);
                assertThat(param.get("length"))
                        .as(name + " " + param.get("name"))
                        .isInstanceOf(Integer.class);
            }
            for (Object fieldItem : list(api.get("response"))) {
                Map<String, Object> field = map(fieldItem);
                assertThat(field.keySet()).as(name).contains("name", "description", "type");
            }
        }
    }

    @Test
    void countIsTheNumberOfApisAndIsasyncFollowsTheCatalogue() {
        Map<String, Object> body = ListApisRenderer.render(CATALOGUE, Optional.empty());

        assertThat(body.get("count")).isEqualTo(CATALOGUE.commands().size());
        List<Object> apis = list(body.get("api"));
        for (int i = 0; i < apis.size(); i++) {
            CommandSpec command = CATALOGUE.commands().get(i);
            assertThat(map(apis.get(i)))
                    .containsEntry("name", command.name())
                    .containsEntry("isasync", command.async());
        }
    }

    @Test
    void nameFilterReturnsOnlyThatCommand() {
        Map<String, Object> body = ListApisRenderer.render(CATALOGUE, Optional.of("deployVirtualMachine"));

        assertThat(body.get("count")).isEqualTo(1);
        Map<String, Object> api = map(list(body.get("api")).get(0));
        assertThat(api).containsEntry("name", "deployVirtualMachine").containsEntry("isasync", true);
        assertThat(list(api.get("params")))
                .extracting(param -> map(param).get("name"))
                .contains("zoneid", "networkids", "securitygroupids");
    }

    @Test
    void unknownNameGivesTheEmptyListBody() {
        assertThat(ListApisRenderer.render(CATALOGUE, Optional.of("listzones"))).isEmpty();
    }

    @Test
    void requiredParametersAreRenderedAsRequired() {
        Map<String, Object> api = map(
                list(ListApisRenderer.render(CATALOGUE, Optional.of("listNics")).get("api"))
                        .get(0));

        assertThat(list(api.get("params")))
                .filteredOn(param -> map(param).get("name").equals("virtualmachineid"))
                .singleElement()
                .satisfies(param -> assertThat(map(param))
                        .containsEntry("required", true)
                        .containsEntry("type", "uuid")
                        .containsEntry("length", 255));
    }

    @Test
    void renderingSerialisesToTheSameBytesEveryTime() throws Exception {
        ObjectMapper mapper = new ObjectMapper();

        String first = mapper.writeValueAsString(ListApisRenderer.render(CATALOGUE, Optional.empty()));
        String second =
                mapper.writeValueAsString(ListApisRenderer.render(CloudStackCatalogue.load(), Optional.empty()));

        assertThat(first)
                .isEqualTo(second)
                .startsWith("{\"count\":" + CATALOGUE.commands().size() + ",\"api\":[");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        assertThat(value).isInstanceOf(List.class);
        return (List<Object>) value;
    }
}
