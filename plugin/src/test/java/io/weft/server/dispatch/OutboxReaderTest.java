package io.weft.server.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.weft.server.persistence.ChangeLog;
import io.weft.server.persistence.Database;
import io.weft.server.persistence.DatabaseVendor;
import io.weft.server.persistence.TestDatabase;
import io.weft.server.persistence.outbox.Change;
import io.weft.server.persistence.outbox.ChangeKind;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;
import org.hibernate.Transaction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OutboxReaderTest {
    private final TestDatabase testDatabase = TestDatabase.create(DatabaseVendor.H2);
    private final Database database = testDatabase.open();
    private final ChangeLog changes = new ChangeLog(Clock.systemUTC());
    private final OutboxReader outbox =
            new OutboxReader(database.sessionFactory(), new FleetStore(DispatchSettings.defaults()), 500);

    @AfterEach
    void close() {
        database.close();
        testDatabase.close();
    }

    @Test
    void aRecordCommittedAfterAYoungerOneWasDispatchedIsStillDispatched() {
        try (Session slowWriter = database.sessionFactory().openSession()) {
            Transaction slow = slowWriter.beginTransaction();
            long older = changes.append(slowWriter, hostChange()).get(0);
            slowWriter.flush();
            long younger = database.sessionFactory()
                    .fromTransaction(session -> changes.append(session, hostChange()))
                    .get(0);
            assertThat(older).isLessThan(younger);

            OutboxReader.OutboxBatch first = outbox.pending();
            assertThat(first.ids()).containsExactly(younger);
            outbox.markDispatched(first, Instant.now());
            slow.commit();

            assertThat(outbox.pending().ids()).containsExactly(older);
        }
    }

    private static Change hostChange() {
        return Change.of(ChangeKind.HOST, List.of(UUID.randomUUID()), false);
    }
}
