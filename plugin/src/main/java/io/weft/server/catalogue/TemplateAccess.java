package io.weft.server.catalogue;

import static java.util.Objects.requireNonNull;

import io.weft.server.tenancy.Authorizer;
import io.weft.server.tenancy.Caller;
import io.weft.server.tenancy.Role;
import jakarta.inject.Inject;

/**
 * Who may see, deploy and delete a template. A public template is everyone's to deploy; a private
 * one is its owner's and its owner's administrators'; a template of the system is root's. Deleting
 * takes the owner or an administrator of it (root for the system's).
 */
public final class TemplateAccess {
    private final Authorizer authorizer;

    @Inject
    public TemplateAccess(Authorizer authorizer) {
        this.authorizer = requireNonNull(authorizer, "authorizer is null");
    }

    /** Whether the caller may see the template's owner's resources (root alone for the system's). */
    boolean ownerVisible(Caller caller, Template template) {
        return template.getAccount() == null ? caller.isRootAdmin() : authorizer.canSee(caller, template.getAccount());
    }

    static boolean ownedBy(Caller caller, Template template) {
        return template.getAccount() != null && template.getAccount().getUuid().equals(caller.accountId());
    }

    /** Whether the caller may deploy from the template. */
    public boolean canUse(Caller caller, Template template) {
        return !template.isRemoved() && (template.isPublic() || ownerVisible(caller, template));
    }

    boolean canDelete(Caller caller, Template template) {
        if (template.getAccount() == null) {
            return caller.isRootAdmin();
        }
        return ownedBy(caller, template)
                || (authorizer.canSee(caller, template.getAccount()) && caller.role() != Role.USER);
    }
}
