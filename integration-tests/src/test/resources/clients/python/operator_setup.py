"""The operator's part that Libcloud cannot do (it has no admin commands), done with cs as steps
named "setup ..."; cs_scenario.py covers each of these commands as a step of its own."""

from cs import CloudStack

from steps import env


def operator():
    """cs as the root admin, from the environment the test harness sets."""
    return CloudStack(
        endpoint=env("WEFT_CS_ENDPOINT"),
        key=env("WEFT_CS_API_KEY"),
        secret=env("WEFT_CS_SECRET_KEY"),
        fetch_result=True,
        poll_interval=0.2,
        job_timeout=60,
    )


def single(response, key):
    """The object of an add* answer, in CloudStack's list form or as one object."""
    value = response[key]
    return value[0] if isinstance(value, list) else value


def zone(s, api, name):
    """Steps "setup zone" (and its id under that name)."""
    s.step(
        "setup zone",
        lambda: api.createZone(
            name=name,
            networktype="Advanced",
            dns1="8.8.8.8",
            internaldns1="10.0.0.2",
            securitygroupenabled="true",
            guestcidraddress="10.0.0.0/8",
        )["zone"],
    )


def host(s, api, prefix):
    """Steps "setup pod", "setup cluster" and "setup host" in the zone of "setup zone"."""
    s.step(
        "setup pod",
        lambda: api.createPod(
            name="p-" + prefix,
            zoneid=s["setup zone"]["id"],
            startip="192.168.0.10",
            endip="192.168.0.99",
            gateway="192.168.0.1",
            netmask="255.255.255.0",
        )["pod"],
        needs=["setup zone"],
    )
    s.step(
        "setup cluster",
        lambda: single(
            api.addCluster(
                clustername="c-" + prefix,
                zoneid=s["setup zone"]["id"],
                podid=s["setup pod"]["id"],
                clustertype="CloudManaged",
                hypervisor="KVM",
            ),
            "cluster",
        ),
        needs=["setup pod"],
    )
    s.step(
        "setup host",
        lambda: single(
            api.addHost(
                zoneid=s["setup zone"]["id"],
                podid=s["setup pod"]["id"],
                clusterid=s["setup cluster"]["id"],
                url="http://192.168.0.11",
                username="root",
                password="password",
                hypervisor="KVM",
            ),
            "host",
        ),
        needs=["setup cluster"],
    )


def tenant(s, api, account, domain=None):
    """Steps "setup account" and "setup keys": a user account (in a new domain if one is named)
    whose first user's API keys the client then uses."""
    needs = []
    if domain:
        s.step("setup domain", lambda: api.createDomain(name=domain)["domain"])
        needs = ["setup domain"]
    s.step(
        "setup account",
        lambda: api.createAccount(
            accounttype=0,
            account=account,
            username=account,
            password="s3cret-pass",
            email=account + "@example.com",
            firstname="Test",
            lastname="Tenant",
            **({"domainid": s["setup domain"]["id"]} if domain else {})
        )["account"],
        needs=needs,
    )
    s.step(
        "setup keys",
        lambda: api.registerUserKeys(id=s["setup account"]["user"][0]["id"])["userkeys"],
        needs=["setup account"],
    )
