"""The cs library (python3-cs), unpatched, drives a whole CloudStack scenario against Weft.

Operator: domain, account, user, zone, pod, cluster, host. Tenant side (as the admin acting for the
account, as CloudStack's own UI does): offerings and templates, network, security groups and rules,
a VM that is stopped, started, given a second NIC and destroyed; then everything is deleted again.
"""

from cs import CloudStack, CloudStackApiException

from steps import Scenario, env, find_one

api = CloudStack(
    endpoint=env("WEFT_CS_ENDPOINT"),
    key=env("WEFT_CS_API_KEY"),
    secret=env("WEFT_CS_SECRET_KEY"),
    fetch_result=True,
    poll_interval=0.2,
    job_timeout=60,
    trace=True,
)
s = Scenario("cs")
# When offerings or templates cannot be listed (those steps fail on their own), the VM steps still
# run with an id of this form, so that one run shows every later gap too.
UNLISTED = {"id": "0b6e6f1e-1f0a-4d9e-9e55-3c2f8d8c0a11"}


def listed(response, key):
    return response.get(key, [])


def unwrap_single(kind, key):
    """Checks that an add* answer has CloudStack's list form {"count": 1, key: [object]}, then keeps
    the object itself under kind so that the scenario goes on either way."""
    s.check(
        kind + " answers a list",
        lambda: isinstance(s[kind].get(key), list) and s[kind].get("count") == 1,
        lambda: "%s answered %s" % (kind, s[kind]),
        needs=[kind],
    )
    if kind in s.values:
        value = s[kind][key]
        s.values[kind] = value[0] if isinstance(value, list) else value


s.step("createDomain", lambda: api.createDomain(name="acme-cs")["domain"])
s.step(
    "createAccount",
    lambda: api.createAccount(
        accounttype=0,
        account="alice-cs",
        username="alice",
        password="s3cret-pass",
        email="alice@example.com",
        firstname="Alice",
        lastname="Doe",
        domainid=s["createDomain"]["id"],
    )["account"],
    needs=["createDomain"],
)
s.step(
    "createUser",
    lambda: api.createUser(
        account="alice-cs",
        domainid=s["createDomain"]["id"],
        username="bob",
        password="s3cret-pass",
        email="bob@example.com",
        firstname="Bob",
        lastname="Doe",
    )["user"],
    needs=["createAccount"],
)
s.step("registerUserKeys", lambda: api.registerUserKeys(id=s["createUser"]["id"])["userkeys"], needs=["createUser"])
s.step("updateUser", lambda: api.updateUser(id=s["createUser"]["id"], lastname="Roe")["user"], needs=["createUser"])
s.step("disableUser", lambda: api.disableUser(id=s["createUser"]["id"]), needs=["createUser"])
s.step("enableUser", lambda: api.enableUser(id=s["createUser"]["id"])["user"], needs=["createUser"])

s.step(
    "createZone",
    lambda: api.createZone(
        name="z-cs",
        networktype="Advanced",
        dns1="8.8.8.8",
        internaldns1="10.0.0.2",
        securitygroupenabled="true",
        guestcidraddress="10.0.0.0/8",
    )["zone"],
)
s.step(
    "createPod",
    lambda: api.createPod(
        name="p-cs",
        zoneid=s["createZone"]["id"],
        startip="192.168.0.10",
        endip="192.168.0.99",
        gateway="192.168.0.1",
        netmask="255.255.255.0",
    )["pod"],
    needs=["createZone"],
)
s.step(
    "addCluster",
    lambda: api.addCluster(
        clustername="c-cs",
        zoneid=s["createZone"]["id"],
        podid=s["createPod"]["id"],
        clustertype="CloudManaged",
        hypervisor="KVM",
    ),
    needs=["createPod"],
)
unwrap_single("addCluster", "cluster")
s.step(
    "addHost",
    lambda: api.addHost(
        zoneid=s["createZone"]["id"],
        podid=s["createPod"]["id"],
        clusterid=s["addCluster"]["id"],
        url="http://192.168.0.11",
        username="root",
        password="password",
        hypervisor="KVM",
    ),
    needs=["addCluster"],
)
unwrap_single("addHost", "host")
s.step("updateCluster", lambda: api.updateCluster(id=s["addCluster"]["id"], allocationstate="Enabled"), needs=["addCluster"])

s.step("listServiceOfferings", lambda: listed(api.listServiceOfferings(), "serviceoffering")[0])
s.step(
    "listTemplates",
    lambda: listed(api.listTemplates(templatefilter="executable", zoneid=s["createZone"]["id"]), "template")[0],
    needs=["createZone"],
)
s.step("listNetworkOfferings", lambda: listed(api.listNetworkOfferings(), "networkoffering")[0])

s.step(
    "createNetwork",
    lambda: api.createNetwork(
        name="web-net",
        displaytext="web tier",
        zoneid=s["createZone"]["id"],
        networkofferingid=s["listNetworkOfferings"]["id"],
        gateway="10.10.0.1",
        netmask="255.255.255.0",
        account="alice-cs",
        domainid=s["createDomain"]["id"],
    )["network"],
    needs=["createZone", "listNetworkOfferings", "createAccount"],
)
s.step(
    "createNetwork second",
    lambda: api.createNetwork(
        name="db-net",
        displaytext="db tier",
        zoneid=s["createZone"]["id"],
        networkofferingid=s["listNetworkOfferings"]["id"],
        gateway="10.20.0.1",
        netmask="255.255.255.0",
        account="alice-cs",
        domainid=s["createDomain"]["id"],
    )["network"],
    needs=["createZone", "listNetworkOfferings", "createAccount"],
)
NETWORK_FIELDS = ("zonename", "domain", "account", "zoneid")
s.check(
    "network fields",
    lambda: all(key in s["createNetwork"] for key in NETWORK_FIELDS),
    lambda: "missing %s in %s" % ([k for k in NETWORK_FIELDS if k not in s["createNetwork"]], s["createNetwork"]),
    needs=["createNetwork"],
)

owner = dict(account="alice-cs")
s.step(
    "createSecurityGroup web",
    lambda: api.createSecurityGroup(name="web", domainid=s["createDomain"]["id"], **owner)["securitygroup"],
    needs=["createAccount"],
)
s.step(
    "createSecurityGroup db",
    lambda: api.createSecurityGroup(name="db", domainid=s["createDomain"]["id"], **owner)["securitygroup"],
    needs=["createAccount"],
)
s.step(
    "authorizeSecurityGroupIngress cidr",
    lambda: api.authorizeSecurityGroupIngress(
        securitygroupid=s["createSecurityGroup db"]["id"],
        protocol="tcp",
        startport=5432,
        endport=5432,
        cidrlist="10.0.0.0/8",
    ),
    needs=["createSecurityGroup db"],
)
s.step(
    "authorizeSecurityGroupIngress group",
    lambda: api.authorizeSecurityGroupIngress(
        securitygroupid=s["createSecurityGroup db"]["id"],
        protocol="tcp",
        startport=5432,
        endport=5432,
        **{"usersecuritygrouplist[0].account": "alice-cs", "usersecuritygrouplist[0].group": "web"}
    ),
    needs=["createSecurityGroup db", "createSecurityGroup web"],
)
s.step(
    "authorizeSecurityGroupEgress",
    lambda: api.authorizeSecurityGroupEgress(
        securitygroupid=s["createSecurityGroup web"]["id"], protocol="udp", startport=53, endport=53, cidrlist="0.0.0.0/0"
    ),
    needs=["createSecurityGroup web"],
)
s.step(
    "listSecurityGroups by name",
    lambda: find_one(
        listed(api.listSecurityGroups(securitygroupname="db", domainid=s["createDomain"]["id"], **owner), "securitygroup"),
        name="db",
    ),
    needs=["authorizeSecurityGroupIngress cidr", "authorizeSecurityGroupIngress group"],
)
s.check(
    "db group has two ingress rules",
    lambda: len(s["listSecurityGroups by name"].get("ingressrule", [])) == 2,
    lambda: "group: %s" % s["listSecurityGroups by name"],
    needs=["listSecurityGroups by name"],
)

s.step(
    "deployVirtualMachine",
    lambda: api.deployVirtualMachine(
        zoneid=s["createZone"]["id"],
        serviceofferingid=(s.values.get("listServiceOfferings") or UNLISTED)["id"],
        templateid=(s.values.get("listTemplates") or UNLISTED)["id"],
        networkids=s["createNetwork"]["id"],
        securitygroupids="%s,%s" % (s["createSecurityGroup web"]["id"], s["createSecurityGroup db"]["id"]),
        name="vm1",
        account="alice-cs",
        domainid=s["createDomain"]["id"],
    )["virtualmachine"],
    needs=["createZone", "createNetwork", "createSecurityGroup web",
           "createSecurityGroup db", "addHost"],
)
vm = lambda: s["deployVirtualMachine"]["id"]  # noqa: E731
VM_FIELDS = ("zonename", "templateid", "serviceofferingid", "domain", "displayname", "nic", "securitygroup")
s.check(
    "virtual machine fields",
    lambda: all(key in s["deployVirtualMachine"] for key in VM_FIELDS),
    lambda: "missing %s in %s" % ([k for k in VM_FIELDS if k not in s["deployVirtualMachine"]], s["deployVirtualMachine"]),
    needs=["deployVirtualMachine"],
)
s.step("stopVirtualMachine", lambda: api.stopVirtualMachine(id=vm())["virtualmachine"], needs=["deployVirtualMachine"])
s.step("startVirtualMachine", lambda: api.startVirtualMachine(id=vm())["virtualmachine"], needs=["stopVirtualMachine"])
s.step("rebootVirtualMachine", lambda: api.rebootVirtualMachine(id=vm())["virtualmachine"], needs=["deployVirtualMachine"])
s.step(
    "addNicToVirtualMachine",
    lambda: api.addNicToVirtualMachine(virtualmachineid=vm(), networkid=s["createNetwork second"]["id"])["virtualmachine"],
    needs=["deployVirtualMachine", "createNetwork second"],
)
s.step(
    "listNics",
    lambda: listed(api.listNics(virtualmachineid=vm()), "nic"),
    needs=["addNicToVirtualMachine"],
)
s.step(
    "removeNicFromVirtualMachine",
    lambda: api.removeNicFromVirtualMachine(
        virtualmachineid=vm(), nicid=find_one(s["listNics"], networkid=s["createNetwork second"]["id"])["id"]
    ),
    needs=["listNics"],
)
s.step("listVolumes", lambda: listed(api.listVolumes(virtualmachineid=vm()), "volume")[0], needs=["deployVirtualMachine"])
s.step("destroyVirtualMachine", lambda: api.destroyVirtualMachine(id=vm(), expunge="true"), needs=["deployVirtualMachine"])

s.step(
    "revokeSecurityGroupIngress",
    lambda: api.revokeSecurityGroupIngress(id=s["listSecurityGroups by name"]["ingressrule"][0]["ruleid"]),
    needs=["listSecurityGroups by name"],
)
for group in ("db", "web"):  # db's rule names web
    s.step(
        "deleteSecurityGroup " + group,
        lambda group=group: api.deleteSecurityGroup(id=s["createSecurityGroup " + group]["id"]),
        needs=["createSecurityGroup " + group],
    )
s.step("deleteNetwork", lambda: api.deleteNetwork(id=s["createNetwork"]["id"]), needs=["createNetwork"])
s.step("deleteNetwork second", lambda: api.deleteNetwork(id=s["createNetwork second"]["id"]), needs=["createNetwork second"])


def gone_network():
    try:
        api.deleteNetwork(id=s["createNetwork"]["id"])
    except CloudStackApiException as error:
        if "does not exist" in str(error.error):
            return True
        raise
    raise AssertionError("deleting a deleted network succeeded")


s.step("deleteNetwork again answers does-not-exist", gone_network, needs=["deleteNetwork"])
s.step("deleteUser", lambda: api.deleteUser(id=s["createUser"]["id"]), needs=["createUser"])
s.step("deleteAccount", lambda: api.deleteAccount(id=s["createAccount"]["id"]), needs=["createAccount"])
s.step("prepareHostForMaintenance", lambda: api.prepareHostForMaintenance(id=s["addHost"]["id"]), needs=["addHost"])
s.step("deleteHost", lambda: api.deleteHost(id=s["addHost"]["id"]), needs=["addHost"])
s.step("deleteCluster", lambda: api.deleteCluster(id=s["addCluster"]["id"]), needs=["addCluster"])
s.step("deletePod", lambda: api.deletePod(id=s["createPod"]["id"]), needs=["createPod"])
s.step("deleteZone", lambda: api.deleteZone(id=s["createZone"]["id"]), needs=["createZone"])
s.step("deleteDomain", lambda: api.deleteDomain(id=s["createDomain"]["id"], cleanup="true"), needs=["createDomain"])
s.finish()
