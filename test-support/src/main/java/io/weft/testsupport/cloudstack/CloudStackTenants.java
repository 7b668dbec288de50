package io.weft.testsupport.cloudstack;

import com.fasterxml.jackson.databind.JsonNode;
import io.weft.testsupport.ApiKeys;

/**
 * Tenants made the way an operator makes them through the CloudStack API: {@code createAccount}
 * (a user account of the same name in the root domain) and {@code registerUserKeys} for its
 * first user. Tests that need a tenant of their own start here.
 */
public final class CloudStackTenants {
    private CloudStackTenants() {}

    /** Creates the account {@code name} with one user of that name and returns the user's keys. */
    public static ApiKeys create(CloudStackClient admin, String name) {
        return create(admin, name, Params.none());
    }

    /** As {@link #create(CloudStackClient, String)}, with more createAccount parameters ({@code accounttype=2}: a domain admin). */
    public static ApiKeys create(CloudStackClient admin, String name, Params more) {
        JsonNode account = admin.ok(
                        "createAccount",
                        Params.of("username", name)
                                .and("password", "pw-" + name)
                                .and("email", name + "@example.com")
                                .and("firstname", name)
                                .and("lastname", "Test")
                                .and(more))
                .get("account");
        JsonNode keys = admin.ok(
                        "registerUserKeys",
                        "id",
                        account.get("user").get(0).get("id").asText())
                .get("userkeys");
        return new ApiKeys(keys.get("apikey").asText(), keys.get("secretkey").asText());
    }

    /** {@link #create}, then a client signing with the new tenant's keys. */
    public static CloudStackClient client(CloudStackClient admin, String name) {
        ApiKeys keys = create(admin, name);
        return admin.as(keys.apiKey(), keys.secretKey());
    }
}
