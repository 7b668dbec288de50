package io.weft.server.api.ec2;

import static java.util.Objects.requireNonNull;

import io.weft.server.error.WeftException;
import io.weft.server.tenancy.Caller;
import io.weft.server.tenancy.UserService;
import jakarta.inject.Inject;
import java.util.Locale;

/**
 * sts:GetCallerIdentity at the EC2 endpoint. Terraform's AWS provider and Ansible's amazon.aws ask STS
 * for the account ID before anything else, at the endpoint they are given, signed for service {@code
 * sts}; without an answer they stop unless told to skip the check. The account is the caller's {@link
 * Ec2AccountIds account ID}, the user appears as an IAM user of that account.
 */
final class StsCallerIdentity {
    static final String ACTION = "GetCallerIdentity";
    static final String VERSION = "2011-06-15";
    static final String NAMESPACE = "https://sts.amazonaws.com/doc/" + VERSION + "/";

    private final UserService users;

    @Inject
    StsCallerIdentity(UserService users) {
        this.users = requireNonNull(users, "users is null");
    }

    /** The STS-shaped answer: the fields under {@code GetCallerIdentityResult}, the id under {@code ResponseMetadata}. */
    String reply(Caller caller, String requestId) {
        String account = Ec2AccountIds.of(caller.accountId());
        XmlOut out = new XmlOut()
                .root("GetCallerIdentityResponse", NAMESPACE)
                .start("GetCallerIdentityResult")
                .leaf("Arn", "arn:aws:iam::" + account + ":user/" + userName(caller))
                .leaf("UserId", userId(caller))
                .leaf("Account", account)
                .end()
                .start("ResponseMetadata")
                .leaf("RequestId", requestId)
                .end()
                .end();
        return XmlOut.PROLOG + out.text();
    }

    /** IAM's unique ID of a user: {@code AIDA} and 17 characters, here the user UUID's first hex digits. */
    static String userId(Caller caller) {
        return "AIDA"
                + caller.userId()
                        .toString()
                        .replace("-", "")
                        .substring(0, Ec2Kind.HEX_DIGITS)
                        .toUpperCase(Locale.ROOT);
    }

    private String userName(Caller caller) {
        try {
            return users.get(caller, caller.userId()).username();
        } catch (WeftException e) {
            // A user deleted since its key was checked: the UUID still names it uniquely.
            return caller.userId().toString();
        }
    }
}
