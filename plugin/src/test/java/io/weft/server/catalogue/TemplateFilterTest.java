package io.weft.server.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weft.server.error.ErrorCode;
import io.weft.server.error.WeftException;
import io.weft.server.tenancy.Caller;
import io.weft.server.tenancy.Role;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TemplateFilterTest {
    /** Which filters list a template, by whose it is and how it is published. */
    private static Set<TemplateFilter> admitting(
            boolean ownedByCaller, boolean ownerVisible, boolean isPublic, boolean isFeatured) {
        Set<TemplateFilter> admitting = EnumSet.noneOf(TemplateFilter.class);
        for (TemplateFilter filter : TemplateFilter.values()) {
            if (filter.admits(ownedByCaller, ownerVisible, isPublic, isFeatured)) {
                admitting.add(filter);
            }
        }
        return admitting;
    }

    @Test
    void eachKindOfTemplateIsListedByTheFiltersCloudStackListsItBy() {
        assertThat(admitting(true, true, false, false))
                .containsExactlyInAnyOrder(
                        TemplateFilter.SELF,
                        TemplateFilter.SELFEXECUTABLE,
                        TemplateFilter.EXECUTABLE,
                        TemplateFilter.ALL);
        assertThat(admitting(true, true, true, false))
                .containsExactlyInAnyOrder(
                        TemplateFilter.SELF,
                        TemplateFilter.SELFEXECUTABLE,
                        TemplateFilter.EXECUTABLE,
                        TemplateFilter.COMMUNITY,
                        TemplateFilter.ALL);
        assertThat(admitting(false, false, true, true))
                .containsExactlyInAnyOrder(TemplateFilter.FEATURED, TemplateFilter.EXECUTABLE, TemplateFilter.ALL);
        assertThat(admitting(false, false, false, false)).isEmpty();
        // An administrator's view of an account it administers.
        assertThat(admitting(false, true, false, false))
                .containsExactlyInAnyOrder(TemplateFilter.EXECUTABLE, TemplateFilter.ALL);
    }

    @Test
    void parsesEveryWireValueIgnoringCaseAndRefusesOthers() {
        for (TemplateFilter filter : TemplateFilter.values()) {
            assertThat(TemplateFilter.parse(filter.name().toLowerCase(Locale.ROOT)))
                    .isEqualTo(filter);
        }
        assertThat(TemplateFilter.parse("SelfExecutable")).isEqualTo(TemplateFilter.SELFEXECUTABLE);
        assertThatThrownBy(() -> TemplateFilter.parse("mine"))
                .isInstanceOfSatisfying(
                        WeftException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PARAMETER));
    }

    @Test
    void onlyAdministratorsListWithAll() {
        Caller user = new Caller(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "ROOT/", Role.USER);
        Caller domainAdmin =
                new Caller(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "ROOT/", Role.DOMAIN_ADMIN);
        assertThatThrownBy(() -> TemplateFilter.ALL.requireAllowed(user))
                .isInstanceOfSatisfying(
                        WeftException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PARAMETER));
        TemplateFilter.ALL.requireAllowed(domainAdmin);
        TemplateFilter.EXECUTABLE.requireAllowed(user);
    }
}
