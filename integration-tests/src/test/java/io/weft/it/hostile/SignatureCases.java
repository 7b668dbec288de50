package io.weft.it.hostile;

import io.weft.it.hostile.HostileCase.Api;
import io.weft.testsupport.cloudstack.Params;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Expired, replayed, forged and over-long requests. CloudStack refuses a signature it cannot
 * verify with 401 ("unable to verify user credentials and/or request signature"), also for a
 * {@code signatureversion=3} request whose {@code expires} is past, missing or unreadable
 * ({@code ApiServer.verifyRequest}); AWS answers a request signed outside its 15-minute window
 * with RequestExpired, and a request it cannot authenticate with the SigV4 codes of API-COMPAT.
 */
final class SignatureCases {
    private static final String EC2_VERSION = "&Version=2016-11-15";
    private static final DateTimeFormatter ISO_Z =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter ISO_OFFSET =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ").withZone(ZoneOffset.UTC);

    private SignatureCases() {}

    static List<HostileCase> all() {
        List<HostileCase> cases = new ArrayList<>();
        cases.addAll(cloudStack());
        cases.addAll(ec2());
        return cases;
    }

    private static List<HostileCase> cloudStack() {
        List<HostileCase> cases = new ArrayList<>();
        for (Duration ago : List.of(Duration.ofSeconds(5), Duration.ofMinutes(20), Duration.ofDays(400))) {
            cases.add(cs401(
                    "signature v3 expired " + ago + " ago",
                    f -> expiring(ISO_Z.format(Instant.now().minus(ago)))));
            cases.add(cs401(
                    "signature v3 expired " + ago + " ago, with a +0000 offset",
                    f -> expiring(ISO_OFFSET.format(Instant.now().minus(ago)))));
        }
        cases.add(cs401("signature v3 without expires", f -> Params.of("signatureversion", "3")));
        cases.add(cs401("signature v3 with an expires that is not a time", f -> expiring("tomorrow")));
        cases.add(cs401(
                "signature v3 with an expires as epoch seconds",
                f -> expiring(
                        Long.toString(Instant.now().plus(Duration.ofMinutes(5)).getEpochSecond()))));
        cases.add(cs401("signature v3 with an expires of month 13", f -> expiring("2030-13-01T00:00:00Z")));
        cases.add(new HostileCase(
                "a signed value sent changed",
                Api.CLOUDSTACK,
                f -> HostileFixture.answer(f.tenantCloudStack()
                        .callTampered("updateVirtualMachine", "displayname", "harmless", "changed")),
                401,
                "401"));
        cases.add(new HostileCase(
                "another tenant's key with our secret",
                Api.CLOUDSTACK,
                f -> HostileFixture.cloudStack(
                        f.tenantCloudStack().as(f.otherApiKey(), f.tenantSecretKey()), "listNetworks", Params.none()),
                401,
                "401"));
        cases.add(new HostileCase(
                "an API key nobody has",
                Api.CLOUDSTACK,
                f -> HostileFixture.cloudStack(
                        f.tenantCloudStack().as("no-such-key", f.tenantSecretKey()), "listNetworks", Params.none()),
                401,
                "401"));
        cases.add(new HostileCase(
                "a form of 200,000 characters",
                Api.CLOUDSTACK,
                f -> HostileFixture.cloudStack(
                        f.tenantCloudStack().sendingForms(),
                        "createSecurityGroup",
                        Params.of("name", "huge").and("description", "d".repeat(200_000))),
                431,
                "431"));
        cases.add(new HostileCase(
                "an unknown command",
                Api.CLOUDSTACK,
                f -> HostileFixture.cloudStack(f.tenantCloudStack(), "dropAllTables", Params.none()),
                432,
                "432"));

        return cases;
    }

    private static Params expiring(String expires) {
        return Params.of("signatureversion", "3").and("expires", expires);
    }

    private static HostileCase cs401(String name, Function<HostileFixture, Params> params) {
        return new HostileCase(
                name,
                Api.CLOUDSTACK,
                f -> HostileFixture.cloudStack(f.tenantCloudStack(), "listNetworks", params.apply(f)),
                401,
                "401");
    }

    private static List<HostileCase> ec2() {
        List<HostileCase> cases = new ArrayList<>();
        for (Duration skew : List.of(
                Duration.ofMinutes(-16),
                Duration.ofHours(-1),
                Duration.ofDays(-2),
                Duration.ofMinutes(16),
                Duration.ofDays(1))) {
            cases.add(new HostileCase(
                    "signed " + skew + " from now",
                    Api.EC2,
                    f -> f.ec2SignedAt(
                            Instant.now().plus(skew).truncatedTo(ChronoUnit.SECONDS),
                            "Action=CreateSecurityGroup&GroupName=late&GroupDescription=d&VpcId=" + f.vpcId()
                                    + EC2_VERSION),
                    400,
                    "RequestExpired"));
        }
        cases.add(new HostileCase(
                "a forged signature",
                Api.EC2,
                f -> f.ec2Unsigned(
                        "Action=DescribeVpcs" + EC2_VERSION,
                        Map.of(
                                "X-Amz-Date",
                                DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
                                        .withZone(ZoneOffset.UTC)
                                        .format(Instant.now()),
                                "Authorization",
                                "AWS4-HMAC-SHA256 Credential=" + f.tenantAccessKey() + "/"
                                        + DateTimeFormatter.ofPattern("yyyyMMdd")
                                                .withZone(ZoneOffset.UTC)
                                                .format(Instant.now())
                                        + "/weft-test-1/ec2/aws4_request, SignedHeaders=host;x-amz-date, Signature="
                                        + "0".repeat(64))),
                403,
                "SignatureDoesNotMatch"));
        cases.add(new HostileCase(
                "no authentication at all",
                Api.EC2,
                f -> f.ec2Unsigned("Action=DescribeVpcs" + EC2_VERSION, Map.of()),
                403,
                "MissingAuthenticationToken"));
        cases.add(new HostileCase(
                "an X-Amz-Date that is not a time",
                Api.EC2,
                f -> f.ec2Unsigned(
                        "Action=DescribeVpcs" + EC2_VERSION,
                        Map.of(
                                "X-Amz-Date",
                                "yesterday",
                                "Authorization",
                                "AWS4-HMAC-SHA256 Credential=" + f.tenantAccessKey()
                                        + "/20261205/weft-test-1/ec2/aws4_request, SignedHeaders=host;x-amz-date,"
                                        + " Signature=00")),
                403,
                "IncompleteSignature"));
        cases.add(new HostileCase(
                "a form of 200,000 characters",
                Api.EC2,
                f -> f.ec2("Action=CreateSecurityGroup&GroupName=huge&VpcId=" + f.vpcId() + "&GroupDescription="
                        + "d".repeat(200_000) + EC2_VERSION),
                400,
                "InvalidParameterValue"));
        cases.add(new HostileCase(
                "a thousand tags on one VPC",
                Api.EC2,
                f -> f.ec2("Action=CreateTags&ResourceId.1=" + f.vpcId() + thousandTags() + EC2_VERSION),
                400,
                "TagLimitExceeded"));
        return cases;
    }

    private static String thousandTags() {
        StringBuilder tags = new StringBuilder();
        for (int i = 1; i <= 1000; i++) {
            tags.append("&Tag.")
                    .append(i)
                    .append(".Key=k")
                    .append(i)
                    .append("&Tag.")
                    .append(i)
                    .append(".Value=v");
        }
        return tags.toString();
    }
}
