package io.weft.server.tenancy;

/** What an account may do; numbered as CloudStack's {@code accounttype}. */
public enum Role {
    USER(0),
    ROOT_ADMIN(1),
    DOMAIN_ADMIN(2);

    private final int accountType;

    Role(int accountType) {
        this.accountType = accountType;
    }

    public int accountType() {
        return accountType;
    }

    public static Role fromAccountType(int accountType) {
        for (Role role : values()) {
            if (role.accountType == accountType) {
                return role;
            }
        }
        throw new IllegalArgumentException("unknown account type " + accountType);
    }
}
