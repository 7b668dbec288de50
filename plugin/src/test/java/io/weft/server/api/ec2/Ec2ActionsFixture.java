package io.weft.server.api.ec2;

import static org.assertj.core.api.Assertions.assertThat;

import io.weft.server.ec2attributes.Ec2AttributeService;
import io.weft.server.network.NetworkFixture;
import io.weft.server.tenancy.Caller;
import io.weft.spec.ec2.Ec2Catalogue;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * The EC2 actions wired by hand over a {@link NetworkFixture}'s real services and database: requests
 * go in as decoded Query parameters (SigV4 and HTTP are tested elsewhere), replies come out as XML.
 */
final class Ec2ActionsFixture {
    final NetworkFixture fx;
    private final Ec2ActionRouter dispatcher;

    Ec2ActionsFixture(NetworkFixture fx) {
        this.fx = fx;
        Ec2IdResolver ids = new Ec2IdResolver(fx.scopes, fx.networks, fx.groups, fx.nics, fx.vms);
        Ec2Tags tags = new Ec2Tags(fx.tags);
        ImplicitVpcParts parts = new ImplicitVpcParts(fx.scopes, fx.networks);
        Ec2AttributeService attributes = new Ec2AttributeService(fx.sessions, fx.tenancy.clock);
        this.dispatcher = new Ec2ActionRouter(
                Ec2Catalogue.load(),
                Set.of(
                        new VpcActions(fx.scopes, ids, tags),
                        new VpcAttributeActions(attributes, ids),
                        new SubnetActions(fx.networks, fx.scopes, fx.zones, ids, tags, attributes),
                        new SubnetAttributeActions(attributes, ids),
                        new SecurityGroupActions(fx.groups, ids, tags),
                        new SecurityGroupRuleActions(fx.groups, ids, tags),
                        new RuleDescriptionActions(fx.groups, ids),
                        new NetworkInterfaceActions(fx.nics, fx.zones, ids, tags),
                        new NetworkInterfaceAttachmentActions(fx.nics, ids),
                        new TagActions(fx.tags, ids),
                        new NetworkAclActions(parts),
                        new RouteTableActions(parts),
                        new AbsentVpcFeatureActions(parts, ids)),
                ids);
    }

    /** One reply: its HTTP status and its XML body, read without namespaces. */
    record Reply(int status, Document xml) {
        /** The text of every element the XPath selects, in document order. */
        List<String> all(String xpath) {
            try {
                NodeList nodes =
                        (NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, xml, XPathConstants.NODESET);
                List<String> texts = new ArrayList<>();
                for (int i = 0; i < nodes.getLength(); i++) {
                    texts.add(nodes.item(i).getTextContent());
                }
                return texts;
            } catch (javax.xml.xpath.XPathExpressionException e) {
                throw new IllegalArgumentException(xpath, e);
            }
        }

        /** The text of the one element the XPath selects. */
        String one(String xpath) {
            List<String> texts = all(xpath);
            assertThat(texts).as(xpath).hasSize(1);
            return texts.get(0);
        }

        /** The EC2 error code, or null for a success. */
        String errorCode() {
            List<String> codes = all("/Response/Errors/Error/Code");
            return codes.isEmpty() ? null : codes.get(0);
        }

        /** Asserts success and returns this reply. */
        Reply ok() {
            assertThat(errorCode()).as("error code").isNull();
            assertThat(status).isEqualTo(200);
            return this;
        }
    }

    /** Calls {@code action} as {@code caller} with name/value pairs. */
    Reply call(Caller caller, String action, String... pairs) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("Action", action);
        parameters.put("Version", "2016-11-15");
        for (int i = 0; i < pairs.length; i += 2) {
            parameters.put(pairs[i], pairs[i + 1]);
        }
        Ec2ActionRouter.Reply reply =
                dispatcher.dispatch(parameters, caller, UUID.randomUUID().toString());
        try {
            var builder = DocumentBuilderFactory.newInstance().newDocumentBuilder();
            return new Reply(
                    reply.status(),
                    builder.parse(new ByteArrayInputStream(reply.body().getBytes(StandardCharsets.UTF_8))));
        } catch (Exception e) {
            throw new IllegalStateException("not XML: " + reply.body(), e);
        }
    }

    /** A new VPC of {@code caller} with one subnet; returns {@code [vpcId, subnetId]}. */
    List<String> vpcWithSubnet(Caller caller, String vpcCidr, String subnetCidr) {
        String vpc = call(caller, "CreateVpc", "CidrBlock", vpcCidr).ok().one("/CreateVpcResponse/vpc/vpcId");
        String subnet = call(caller, "CreateSubnet", "VpcId", vpc, "CidrBlock", subnetCidr)
                .ok()
                .one("/CreateSubnetResponse/subnet/subnetId");
        return List.of(vpc, subnet);
    }
}
