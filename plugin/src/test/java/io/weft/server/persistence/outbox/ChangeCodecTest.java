package io.weft.server.persistence.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ChangeCodecTest {
    private static final UUID LOW = UUID.fromString("00000000-0000-0000-0000-000000000001");
    private static final UUID HIGH = UUID.fromString("00000000-0000-0000-0000-000000000002");

    @Test
    void payloadIsTheStoredFormatWithIdsSortedAndDistinct() {
        assertThat(ChangeCodec.payload(Change.of(ChangeKind.NIC, List.of(HIGH, LOW, HIGH), true)))
                .isEqualTo("{\"ids\":[\"" + LOW + "\",\"" + HIGH + "\"],\"tightens\":true}");
    }

    @Test
    void everyKindRoundTripsThroughItsStoredName() {
        for (ChangeKind kind : ChangeKind.values()) {
            Change change = Change.of(kind, List.of(LOW, HIGH), kind == ChangeKind.GROUP);
            assertThat(ChangeCodec.read(kind.stored(), ChangeCodec.payload(change)))
                    .isEqualTo(change);
        }
    }

    @Test
    void storedNamesAreTheOnesRowsAlreadyHold() {
        assertThat(List.of(ChangeKind.NETWORK, ChangeKind.NIC, ChangeKind.GROUP, ChangeKind.HOST))
                .extracting(ChangeKind::stored)
                .containsExactly("network", "nic", "group", "host");
    }

    @Test
    void aRowOfAnOlderServersAccountCleanupIsReadAsAFleetReload() {
        Change change = ChangeCodec.read(
                "ACCOUNT_RESOURCES_DELETED", "{\"account\":\"" + LOW + "\",\"hosts\":[\"" + HIGH + "\"]}");
        assertThat(change.kind()).isEqualTo(ChangeKind.FLEET);
        assertThat(change.kind().isEntityChange()).isFalse();
    }

    @Test
    void aHandWrittenHostRowOfAnOlderServerReadsAsBefore() {
        assertThat(ChangeCodec.read("host", "{\"ids\":[\"" + LOW + "\"],\"tightens\":true}"))
                .isEqualTo(new Change(ChangeKind.HOST, List.of(LOW), true));
    }

    @Test
    void aPayloadWithoutIdsNamesNothingAndDoesNotTighten() {
        assertThat(ChangeCodec.read("nic", "{\"tightens\":true}"))
                .isEqualTo(new Change(ChangeKind.NIC, List.of(), false));
    }

    @Test
    void anUnreadablePayloadReloadsTheFleetRemovalsFirst() {
        for (String payload : List.of("not json", "{\"ids\":[\"not-a-uuid\"]}", "{\"ids\":[null]}")) {
            assertThat(ChangeCodec.read("nic", payload)).isEqualTo(new Change(ChangeKind.FLEET, List.of(), true));
        }
    }

    @Test
    void onlyFleetIsNotAnEntityChange() {
        assertThat(ChangeKind.values())
                .filteredOn(kind -> !kind.isEntityChange())
                .containsExactly(ChangeKind.FLEET);
    }
}
