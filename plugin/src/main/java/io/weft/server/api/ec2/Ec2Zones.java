package io.weft.server.api.ec2;

/**
 * What EC2 calls a region: Weft has one, and clients may sign for any region name, which the answers
 * then report; this is the name for a call that carries none.
 */
final class Ec2Zones {
    static final String REGION = "weft";

    private Ec2Zones() {}
}
