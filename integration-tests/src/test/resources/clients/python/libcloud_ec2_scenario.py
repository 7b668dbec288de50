"""Libcloud's EC2 driver (python3-libcloud), unpatched, drives a VPC scenario at Weft's EC2 endpoint.

The operator's part (a zone, an account with API keys, which are its EC2 credentials) is done first
with the cs library on the CloudStack API; then Libcloud, signing with SigV4 as the tenant, lists
availability zones, creates a VPC, a subnet, two security groups with ingress and egress rules,
tags and an ENI, reads them back, and deletes them all.
"""

from urllib.parse import urlsplit

from libcloud.compute.providers import Provider, get_driver

import operator_setup
from steps import Scenario, env, find_one

operator = operator_setup.operator()
s = Scenario("libcloud-ec2")
operator_setup.zone(s, operator, "z-ec2")
operator_setup.tenant(s, operator, "alice-ec2")
if "setup keys" not in s.values or "setup zone" not in s.values:
    s.finish()

endpoint = urlsplit(env("WEFT_EC2_ENDPOINT"))
driver = get_driver(Provider.EC2)(
    s["setup keys"]["apikey"],
    s["setup keys"]["secretkey"],
    secure=endpoint.scheme == "https",
    host=endpoint.hostname,
    port=endpoint.port,
    region=env("WEFT_EC2_REGION"),
    signature_version="4",
)

s.step("list_locations", lambda: [location.availability_zone.name for location in driver.list_locations()])
s.check(
    "availability zone is the Weft zone",
    lambda: "z-ec2" in s["list_locations"],
    lambda: "zones: %s" % s["list_locations"],
    needs=["list_locations"],
)
# Objects are created without a name: Libcloud names one by tagging it in the same call, which
# would hide every later step behind the tagging step; tags get their own steps below.
s.step("ex_create_network", lambda: driver.ex_create_network("10.30.0.0/16"))
vpc_id = lambda: s["ex_create_network"].id  # noqa: E731
s.step(
    "ex_list_networks",
    lambda: find_one([vars(n) for n in driver.ex_list_networks(network_ids=[vpc_id()])], id=vpc_id()),
    needs=["ex_create_network"],
)
s.check(
    "vpc reads back its cidr",
    lambda: s["ex_list_networks"]["cidr_block"] == "10.30.0.0/16",
    lambda: "vpc: %s" % s["ex_list_networks"],
    needs=["ex_list_networks"],
)
s.step(
    "ex_create_subnet",
    lambda: driver.ex_create_subnet(vpc_id(), "10.30.1.0/24", "z-ec2"),
    needs=["ex_create_network"],
)
s.step(
    "ex_list_subnets",
    lambda: find_one([vars(n) for n in driver.ex_list_subnets(filters={"vpc-id": vpc_id()})], id=s["ex_create_subnet"].id),
    needs=["ex_create_subnet"],
)
s.step("ex_create_security_group web", lambda: driver.ex_create_security_group("web", "web tier", vpc_id=vpc_id()),
       needs=["ex_create_network"])
s.step("ex_create_security_group db", lambda: driver.ex_create_security_group("db", "db tier", vpc_id=vpc_id()),
       needs=["ex_create_network"])
web = lambda: s["ex_create_security_group web"]["group_id"]  # noqa: E731
db = lambda: s["ex_create_security_group db"]["group_id"]  # noqa: E731
s.step(
    "ex_authorize_security_group_ingress cidr",
    lambda: driver.ex_authorize_security_group_ingress(web(), 443, 443, cidr_ips=["0.0.0.0/0"]),
    needs=["ex_create_security_group web"],
)
s.step(
    "ex_authorize_security_group_ingress group pair",
    lambda: driver.ex_authorize_security_group_ingress(db(), 5432, 5432, group_pairs=[{"group_id": web()}]),
    needs=["ex_create_security_group web", "ex_create_security_group db"],
)
s.step(
    "ex_authorize_security_group_egress",
    lambda: driver.ex_authorize_security_group_egress(web(), 53, 53, cidr_ips=["10.0.0.0/8"], protocol="udp"),
    needs=["ex_create_security_group web"],
)
s.step(
    "ex_get_security_groups",
    lambda: [vars(g) for g in driver.ex_get_security_groups(group_ids=[web(), db()])],
    needs=["ex_create_security_group web", "ex_create_security_group db"],
)
s.check(
    "groups read back their rules",
    lambda: {g["name"]: len(g["ingress_rules"]) for g in s["ex_get_security_groups"]} == {"web": 1, "db": 1},
    lambda: "groups: %s" % s["ex_get_security_groups"],
    needs=["ex_get_security_groups", "ex_authorize_security_group_ingress cidr",
           "ex_authorize_security_group_ingress group pair"],
)
s.step(
    "ex_create_network_interface",
    lambda: driver.ex_create_network_interface(
        s["ex_create_subnet"], description="app nic", private_ip_address="10.30.1.10"
    ),
    needs=["ex_create_subnet"],
)
s.step(
    "ex_list_network_interfaces",
    lambda: find_one([vars(n) for n in driver.ex_list_network_interfaces()], id=s["ex_create_network_interface"].id),
    needs=["ex_create_network_interface"],
)
s.step(
    "ex_create_tags",
    lambda: driver.ex_create_tags(s["ex_create_network"], {"Name": "lc-vpc", "env": "test", "team": "net"}),
    needs=["ex_create_network"],
)
s.step("ex_describe_tags", lambda: driver.ex_describe_tags(s["ex_create_network"]), needs=["ex_create_tags"])
s.check(
    "tags read back",
    lambda: s["ex_describe_tags"] == {"Name": "lc-vpc", "env": "test", "team": "net"},
    lambda: "tags: %s" % s["ex_describe_tags"],
    needs=["ex_describe_tags"],
)
s.step("ex_delete_tags", lambda: driver.ex_delete_tags(s["ex_create_network"], {"team": "net"}),
       needs=["ex_create_tags"])

s.step(
    "ex_revoke_security_group_ingress",
    lambda: driver.ex_revoke_security_group_ingress(db(), 5432, 5432, group_pairs=[{"group_id": web()}]),
    needs=["ex_authorize_security_group_ingress group pair"],
)
s.step(
    "ex_delete_network_interface",
    lambda: driver.ex_delete_network_interface(s["ex_create_network_interface"]),
    needs=["ex_create_network_interface"],
)
s.step("ex_delete_security_group_by_id db", lambda: driver.ex_delete_security_group_by_id(db()),
       needs=["ex_create_security_group db"])
s.step("ex_delete_security_group_by_id web", lambda: driver.ex_delete_security_group_by_id(web()),
       needs=["ex_create_security_group web"])
s.step("ex_delete_subnet", lambda: driver.ex_delete_subnet(s["ex_create_subnet"]), needs=["ex_create_subnet"])
s.step("ex_delete_network", lambda: driver.ex_delete_network(s["ex_create_network"]), needs=["ex_create_network"])
s.check(
    "vpc is gone",
    lambda: not [n for n in driver.ex_list_networks() if n.id == vpc_id()],
    lambda: "vpcs: %s" % [vars(n) for n in driver.ex_list_networks()],
    needs=["ex_delete_network"],
)
s.finish()
