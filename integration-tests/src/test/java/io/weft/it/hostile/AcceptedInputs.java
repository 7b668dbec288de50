package io.weft.it.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import io.weft.it.hostile.HostileCase.Api;
import io.weft.testsupport.cloudstack.CloudStackClient;
import io.weft.testsupport.cloudstack.Params;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;

/**
 * Values that must be accepted and read back byte-identical. CloudStack stores security group,
 * network and VM display names and tags as UTF-8 text with no character class; AWS allows in a VPC
 * security group's name and description only {@code a-zA-Z0-9 ._-:/()#,@[]+=&;{}!$*}, which
 * includes shell and SQL metacharacters, and any Unicode letter in a tag.
 */
final class AcceptedInputs {
    private static final String EC2_VERSION = "&Version=2016-11-15";
    private static final AtomicInteger SERIAL = new AtomicInteger();

    /** Texts CloudStack takes in free-form names and tags. */
    static final List<String[]> CLOUDSTACK_TEXTS = List.of(
            new String[] {"Latin accents", "grüße-café"},
            new String[] {"Japanese", "日本語のグループ"},
            new String[] {"an emoji outside the BMP", "rocket 🚀 launch"},
            new String[] {"right-to-left Arabic", "مجموعة"},
            new String[] {"shell metacharacters", "$(reboot); `id` | rm -rf / && echo ${HOME}"},
            new String[] {"an SQL injection", "x'); DROP TABLE security_group; --"},
            new String[] {"HTML", "<script>alert(\"x\")</script> &amp;"},
            new String[] {"a percent and a plus", "100% + 1"});

    /** Texts AWS takes in a VPC security group's name and description. */
    static final List<String[]> EC2_GROUP_TEXTS = List.of(
            new String[] {"shell metacharacters", "a;b $c* {d}! (e) & f"},
            new String[] {"SQL metacharacters", "x=1; DROP [t]; #c"},
            new String[] {"every allowed punctuation", "._-:/()#,@[]+=&;{}!$*"});

    private AcceptedInputs() {}

    static List<AcceptedInput> all() {
        List<AcceptedInput> all = new ArrayList<>();
        for (String[] text : CLOUDSTACK_TEXTS) {
            all.add(new AcceptedInput(
                    "a group name with " + text[0], Api.CLOUDSTACK, text[1], f -> csGroupName(f, text[1])));
            all.add(new AcceptedInput(
                    "a group description with " + text[0],
                    Api.CLOUDSTACK,
                    text[1],
                    f -> csGroupDescription(f, text[1])));
            all.add(new AcceptedInput(
                    "a network name with " + text[0], Api.CLOUDSTACK, text[1], f -> csNetworkName(f, text[1])));
            all.add(new AcceptedInput(
                    "a VM display name with " + text[0], Api.CLOUDSTACK, text[1], f -> csVmDisplayName(f, text[1])));
            all.add(new AcceptedInput(
                    "a tag value with " + text[0], Api.CLOUDSTACK, text[1], f -> csTagValue(f, text[1])));
            all.add(new AcceptedInput(
                    "an EC2 tag value with " + text[0], Api.EC2, text[1], f -> ec2TagValue(f, text[1])));
        }
        for (String[] text : EC2_GROUP_TEXTS) {
            all.add(new AcceptedInput(
                    "a group name with " + text[0], Api.EC2, text[1], f -> ec2Group(f, text[1], "d", "groupName")));
            all.add(new AcceptedInput(
                    "a group description with " + text[0],
                    Api.EC2,
                    text[1],
                    f -> ec2Group(f, "g" + SERIAL.incrementAndGet(), text[1], "groupDescription")));
        }
        all.add(new AcceptedInput("an EC2 tag key in Cyrillic", Api.EC2, "ключ", f -> ec2TagKey(f, "ключ")));
        all.add(new AcceptedInput(
                "a CloudStack tag key in Greek", Api.CLOUDSTACK, "κλειδί", f -> csTagKey(f, "κλειδί")));
        return all;
    }

    private static String csGroupName(HostileFixture f, String value) {
        CloudStackClient tenant = f.tenantCloudStack();
        JsonNode group = tenant.ok("createSecurityGroup", "name", value, "description", "d")
                .get("securitygroup");
        String id = group.get("id").asText();
        String read = tenant.ok("listSecurityGroups", "id", id)
                .get("securitygroup")
                .get(0)
                .get("name")
                .asText();
        tenant.ok("deleteSecurityGroup", "id", id);
        return read;
    }

    private static String csGroupDescription(HostileFixture f, String value) {
        CloudStackClient tenant = f.tenantCloudStack();
        String id = tenant.ok(
                        "createSecurityGroup", "name", "described-" + SERIAL.incrementAndGet(), "description", value)
                .get("securitygroup")
                .get("id")
                .asText();
        String read = tenant.ok("listSecurityGroups", "id", id)
                .get("securitygroup")
                .get(0)
                .get("description")
                .asText();
        tenant.ok("deleteSecurityGroup", "id", id);
        return read;
    }

    private static String csNetworkName(HostileFixture f, String value) {
        CloudStackClient tenant = f.tenantCloudStack();
        String id = tenant.ok(
                        "createNetwork",
                        Params.of("name", value)
                                .and("displaytext", value)
                                .and("zoneid", f.zoneId())
                                .and("networkofferingid", f.offeringId())
                                .and("gateway", "10.60.0.1")
                                .and("netmask", "255.255.255.0"))
                .get("network")
                .get("id")
                .asText();
        JsonNode network = tenant.ok("listNetworks", "id", id).get("network").get(0);
        tenant.succeededJob("deleteNetwork", "id", id);
        if (!network.get("displaytext").asText().equals(value)) {
            return "displaytext read back as " + network.get("displaytext").asText();
        }
        return network.get("name").asText();
    }

    private static String csVmDisplayName(HostileFixture f, String value) {
        CloudStackClient tenant = f.tenantCloudStack();
        JsonNode before = tenant.ok("listVirtualMachines", "id", f.vmId())
                .get("virtualmachine")
                .get(0);
        tenant.ok("updateVirtualMachine", Params.of("id", f.vmId()).and("displayname", value));
        String read = tenant.ok("listVirtualMachines", "id", f.vmId())
                .get("virtualmachine")
                .get(0)
                .get("displayname")
                .asText();
        tenant.ok(
                "updateVirtualMachine",
                Params.of("id", f.vmId())
                        .and("displayname", before.get("displayname").asText()));
        return read;
    }

    private static String csTagValue(HostileFixture f, String value) {
        return csTag(f, "note", value, "value");
    }

    private static String csTagKey(HostileFixture f, String key) {
        return csTag(f, key, "v", "key");
    }

    private static String csTag(HostileFixture f, String key, String value, String field) {
        CloudStackClient tenant = f.tenantCloudStack();
        Params target = Params.of("resourceids", f.networkId()).and("resourcetype", "Network");
        tenant.succeededJob("createTags", target.and("tags[0].key", key).and("tags[0].value", value));
        JsonNode tags =
                tenant.ok("listTags", Params.of("resourceid", f.networkId()).and("key", key));
        String read = tags.path("tag").path(0).path(field).asText("(no tag listed)");
        tenant.succeededJob("deleteTags", target.and("tags[0].key", key));
        return read;
    }

    private static String ec2TagValue(HostileFixture f, String value) {
        return ec2Tag(f, "note", value, "value");
    }

    private static String ec2TagKey(HostileFixture f, String key) {
        return ec2Tag(f, key, "v", "key");
    }

    private static String ec2Tag(HostileFixture f, String key, String value, String element) {
        String target = "&ResourceId.1=" + f.vpcId() + "&Tag.1.Key=" + MalformedValueCases.enc(key);
        ok(f, "Action=CreateTags" + target + "&Tag.1.Value=" + MalformedValueCases.enc(value));
        Document tags = ok(
                f,
                "Action=DescribeTags&Filter.1.Name=resource-id&Filter.1.Value.1=" + f.vpcId()
                        + "&Filter.2.Name=key&Filter.2.Value.1=" + MalformedValueCases.enc(key));
        String read = tags.getElementsByTagName(element).getLength() == 0
                ? "(no tag described)"
                : tags.getElementsByTagName(element).item(0).getTextContent();
        ok(f, "Action=DeleteTags" + target);
        return read;
    }

    private static String ec2Group(HostileFixture f, String name, String description, String element) {
        Document created = ok(
                f,
                "Action=CreateSecurityGroup&VpcId=" + f.vpcId() + "&GroupName=" + MalformedValueCases.enc(name)
                        + "&GroupDescription=" + MalformedValueCases.enc(description));
        String id = created.getElementsByTagName("groupId").item(0).getTextContent();
        Document described = ok(f, "Action=DescribeSecurityGroups&GroupId.1=" + id);
        String read = described.getElementsByTagName(element).item(0).getTextContent();
        ok(f, "Action=DeleteSecurityGroup&GroupId=" + id);
        return read;
    }

    private static Document ok(HostileFixture f, String form) {
        HostileCase.Answer answer = f.ec2(form + EC2_VERSION);
        if (answer.status() != 200) {
            throw new AssertionError(form + " -> " + answer.status() + " " + answer.body());
        }
        try {
            return DocumentBuilderFactory.newInstance()
                    .newDocumentBuilder()
                    .parse(new ByteArrayInputStream(answer.body().getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError("not XML: " + answer.body(), e);
        }
    }
}
