package io.weft.server.api.ec2;

/** What EC2 calls a region: Weft has one, and clients may sign for any region name. */
final class Ec2Zones {
    static final String REGION = "weft";

    private Ec2Zones() {}
}
