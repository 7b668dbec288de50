package io.weft.it.clients;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlayRecapTest {
    private static final String OUTPUT =
            """
            TASK [zone] ********************************************************************
            changed: [localhost]

            PLAY RECAP *********************************************************************
            otherhost                  : ok=1    changed=1    unreachable=0    failed=0    skipped=0    rescued=0    ignored=0
            localhost                  : ok=17   changed=0    unreachable=0    failed=0    skipped=13   rescued=0    ignored=2
            """;

    @Test
    void readsTheCountsOfTheNamedHost() {
        assertThat(PlayRecap.of(OUTPUT, "localhost")).contains(new PlayRecap(17, 0, 0, 0, 13, 0, 2));
        assertThat(PlayRecap.of(OUTPUT, "otherhost")).contains(new PlayRecap(1, 1, 0, 0, 0, 0, 0));
    }

    @Test
    void aRunThatEndedBeforeItsRecapHasNone() {
        assertThat(PlayRecap.of("ERROR! the playbook could not be found", "localhost"))
                .isEmpty();
        assertThat(PlayRecap.of(OUTPUT, "elsewhere")).isEmpty();
    }

    @Test
    void anIgnoredFailureIsNotClean() {
        assertThat(new PlayRecap(17, 0, 0, 0, 13, 0, 2).clean()).isFalse();
        assertThat(new PlayRecap(17, 0, 0, 0, 13, 0, 0).clean()).isTrue();
        assertThat(new PlayRecap(17, 0, 0, 1, 13, 0, 0).clean()).isFalse();
    }
}
