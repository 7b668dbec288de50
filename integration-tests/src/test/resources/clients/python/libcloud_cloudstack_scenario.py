"""Libcloud's CloudStack driver (python3-libcloud), unpatched, drives a tenant scenario against Weft.

Libcloud has no operator commands, so the operator's part (zone, pod, cluster, host, an account
with API keys) is done first with the cs library; everything after that is Libcloud acting as the
tenant: locations, sizes, images, a network, security groups and rules, a node that is started,
stopped, rebooted, given a second NIC and destroyed, then the groups and networks deleted.
"""

from urllib.parse import urlsplit

from libcloud.compute.base import NodeImage, NodeSize
from libcloud.compute.providers import Provider, get_driver

import operator_setup
from steps import Scenario, env, find_one

ENDPOINT = env("WEFT_CS_ENDPOINT")
operator = operator_setup.operator()
s = Scenario("libcloud-cloudstack")
operator_setup.tenant(s, operator, "alice-lc", domain="acme-lc")
operator_setup.zone(s, operator, "z-lc")
operator_setup.host(s, operator, "lc")
if "setup keys" not in s.values:
    s.finish()

endpoint = urlsplit(ENDPOINT)
driver = get_driver(Provider.CLOUDSTACK)(
    key=s["setup keys"]["apikey"],
    secret=s["setup keys"]["secretkey"],
    secure=endpoint.scheme == "https",
    host=endpoint.hostname,
    port=endpoint.port,
    path=endpoint.path,
)

s.step("list_locations", lambda: find_one([vars(z) for z in driver.list_locations()], name="z-lc"))
s.step("list_sizes", lambda: driver.list_sizes()[0])
s.step("list_images", lambda: driver.list_images()[0])
s.step("ex_list_network_offerings", lambda: driver.ex_list_network_offerings()[0])


class OfferingStandIn:
    """ex_create_network reads only the offering's id; the cs-listed one stands in when Libcloud
    cannot parse the list (that step fails on its own), so the network steps still run."""

    def __init__(self, offering_id):
        self.id = offering_id


offering = lambda: s.values.get("ex_list_network_offerings") or OfferingStandIn(  # noqa: E731
    operator.listNetworkOfferings()["networkoffering"][0]["id"]
)
location = lambda: [z for z in driver.list_locations() if z.name == "z-lc"][0]  # noqa: E731
s.step(
    "ex_create_network",
    lambda: driver.ex_create_network(
        display_text="web tier",
        name="web-net",
        network_offering=offering(),
        location=location(),
        gateway="10.10.0.1",
        netmask="255.255.255.0",
    ),
    needs=["list_locations"],
)
s.step(
    "ex_create_network second",
    lambda: driver.ex_create_network(
        display_text="db tier",
        name="db-net",
        network_offering=offering(),
        location=location(),
        gateway="10.20.0.1",
        netmask="255.255.255.0",
    ),
    needs=["list_locations"],
)
s.step(
    "ex_list_networks",
    lambda: find_one([vars(n) for n in driver.ex_list_networks()], name="web-net"),
    needs=["ex_create_network"],
)
s.step("ex_create_security_group web", lambda: driver.ex_create_security_group("web", description="web tier"))
s.step("ex_create_security_group db", lambda: driver.ex_create_security_group("db", description="db tier"))
s.step(
    "ex_authorize_security_group_ingress cidr",
    lambda: driver.ex_authorize_security_group_ingress("db", "TCP", "10.0.0.0/8", startport=5432, endport=5432),
    needs=["ex_create_security_group db"],
)
s.step(
    "ex_authorize_security_group_ingress icmp",
    lambda: driver.ex_authorize_security_group_ingress("web", "ICMP", "0.0.0.0/0", icmptype=8, icmpcode=0),
    needs=["ex_create_security_group web"],
)
s.step(
    "ex_list_security_groups",
    lambda: find_one(driver.ex_list_security_groups(), name="db"),
    needs=["ex_authorize_security_group_ingress cidr"],
)
s.check(
    "db group has its rule",
    lambda: [r["cidr"] for r in s["ex_list_security_groups"]["ingressrule"]] == ["10.0.0.0/8"],
    lambda: "group: %s" % s["ex_list_security_groups"],
    needs=["ex_list_security_groups"],
)

# When sizes or images cannot be listed (those steps fail on their own), the node steps still run
# with stand-ins of the same shape, so that one run shows every later gap too.
STAND_IN = "0b6e6f1e-1f0a-4d9e-9e55-3c2f8d8c0a11"
size = lambda: s.values.get("list_sizes") or NodeSize(STAND_IN, "small", 512, 0, 0, 0, driver)  # noqa: E731
image = lambda: s.values.get("list_images") or NodeImage(STAND_IN, "template", driver)  # noqa: E731
s.step(
    "create_node",
    lambda: driver.create_node(
        name="vm1",
        size=size(),
        image=image(),
        location=location(),
        networks=[s["ex_create_network"]],
        ex_security_groups=["web", "db"],
        ex_start_vm=True,
    ),
    needs=["list_locations", "ex_create_network", "ex_create_security_group web", "ex_create_security_group db"],
)
node = lambda: [n for n in driver.list_nodes() if n.name == "vm1"][0]  # noqa: E731
s.step("list_nodes", lambda: vars(node()), needs=["create_node"])
s.check(
    "node has its private address",
    lambda: len(s["list_nodes"]["private_ips"]) == 1,
    lambda: "node: %s" % s["list_nodes"],
    needs=["list_nodes"],
)
s.step("ex_stop", lambda: driver.ex_stop(node()), needs=["create_node"])
s.step("ex_start", lambda: driver.ex_start(node()), needs=["ex_stop"])
s.step("reboot_node", lambda: driver.reboot_node(node()), needs=["create_node"])
s.step(
    "ex_attach_nic_to_node",
    lambda: driver.ex_attach_nic_to_node(node(), s["ex_create_network second"]),
    needs=["create_node", "ex_create_network second"],
)
s.step("ex_list_nics", lambda: driver.ex_list_nics(node()), needs=["ex_attach_nic_to_node"])
s.step(
    "ex_detach_nic_from_node",
    lambda: driver.ex_detach_nic_from_node(
        [nic for nic in s["ex_list_nics"] if nic.network_id == s["ex_create_network second"].id][0], node()
    ),
    needs=["ex_list_nics"],
)
s.step("list_volumes", lambda: driver.list_volumes(node())[0], needs=["create_node"])
s.step("destroy_node", lambda: driver.destroy_node(node(), ex_expunge=True), needs=["create_node"])
s.check(
    "node is gone",
    lambda: not [n for n in driver.list_nodes() if n.name == "vm1"],
    lambda: "nodes: %s" % driver.list_nodes(),
    needs=["destroy_node"],
)

s.step(
    "ex_revoke_security_group_ingress",
    lambda: driver.ex_revoke_security_group_ingress(s["ex_list_security_groups"]["ingressrule"][0]["ruleid"]),
    needs=["ex_list_security_groups"],
)
s.step("ex_delete_security_group db", lambda: driver.ex_delete_security_group("db"), needs=["ex_create_security_group db"])
s.step("ex_delete_security_group web", lambda: driver.ex_delete_security_group("web"), needs=["ex_create_security_group web"])
s.check(
    "security groups are gone",
    lambda: not [g for g in driver.ex_list_security_groups() if g["name"] in ("web", "db")],
    lambda: "groups: %s" % driver.ex_list_security_groups(),
    needs=["ex_delete_security_group db", "ex_delete_security_group web"],
)
s.step("ex_delete_network", lambda: driver.ex_delete_network(s["ex_create_network"]), needs=["ex_create_network"])
s.step(
    "ex_delete_network second",
    lambda: driver.ex_delete_network(s["ex_create_network second"]),
    needs=["ex_create_network second"],
)
s.check(
    "networks are gone",
    lambda: not [n for n in driver.ex_list_networks() if n.name in ("web-net", "db-net")],
    lambda: "networks: %s" % driver.ex_list_networks(),
    needs=["ex_delete_network", "ex_delete_network second"],
)
s.finish()
