package io.backroom.gateway;

import io.backroom.api.model.Money;
import io.backroom.api.model.Role;
import io.backroom.api.model.User;
import io.backroom.gateway.ap.ApWorkflow;
import io.backroom.gateway.ap.TolerancePolicyStore;
import io.backroom.gateway.auth.PasswordHasher;
import io.backroom.gateway.adapter.sandbox.MasterDataWriter;
import io.backroom.gateway.erpsync.ErpMirror;
import io.backroom.gateway.erpsync.ReadModelRefresher;
import io.backroom.gateway.seed.DatasetSeeder;
import io.backroom.gateway.store.Database;
import io.backroom.sampledata.io.SampleDataException;
import io.backroom.sampledata.io.SampleDataset;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seeds a fresh database once, on first start: {@code demo} loads the synthetic retailer's committed demo set,
 * {@code none} nothing. A database that already has users is never seeded again.
 */
final class Seeder {
    private static final Logger LOG = LoggerFactory.getLogger(Seeder.class);

    private Seeder() {
    }

    /**
     * Seeds on first start and resumes an interrupted seeding. Master data and users are loaded before this returns
     * (about a second); the documents (orders, receipts, invoices) load on a background thread in chunks, so the
     * gateway answers at once and the queue fills within seconds; then the same thread attaches the supplier PDFs
     * (committed ones, and rendered ones for held invoices), also in resumable chunks. Returns a handle that stops the background work.
     */
    static AutoCloseable seed(Database db, String seed, ErpMirror erp, ReadModelRefresher refresher, ApWorkflow ap,
            TolerancePolicyStore policies, Clock clock, io.backroom.gateway.auth.PendingPasswords pending) {
        if (!seed.equals("demo")) {
            return () -> { };
        }
        DatasetSeeder seeder = new DatasetSeeder(db, erp, refresher, ap, policies, clock, new PasswordHasher());
        boolean empty = seeder.isEmpty();
        SampleDataset demo;
        try {
            demo = SampleDataset.demo();
        } catch (SampleDataException e) {
            if (empty) {
                LOG.warn("The demo data set is not on the class path ({}); seeding three demo users only",
                        e.getMessage());
                seedUsersOnly(db);
                refresher.refreshMasterData();
            }
            return () -> { };
        }
        if (empty) {
            seeder.seed(demo, pending);
        } else {
            seeder.resumePending(demo, pending);
        }
        pending.hashInBackground(db, new PasswordHasher());
        boolean documents = seeder.documentsPending().isPresent();
        if (!documents && !seeder.pdfsPending()) {
            return pending::stop;
        }
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        Thread loader = new Thread(() -> {
            try {
                if (!documents || seeder.seedDocuments(demo, stop::get)) {
                    seeder.seedPdfs(demo, stop::get);
                }
            } catch (RuntimeException e) {
                // top-level boundary of the background thread: the work is resumable, so log it and let the next
                // start carry on (a stop closes the database under the loader, which ends up here too)
                if (!stop.get()) {
                    LOG.error("Loading the demo documents failed; it resumes on the next start", e);
                }
            }
        }, "demo-seeding");
        loader.setDaemon(true);
        loader.start();
        return () -> {
            stop.set(true);
            pending.stop();
            loader.join(30_000);
        };
    }

    /** Fallback when the build carries no demo set: sign-in works, the ERP is empty. Password {@code backroom}. */
    private static void seedUsersOnly(Database db) {
        PasswordHasher hasher = new PasswordHasher();
        List<User> users = List.of(
                new User("U-CLERK", "clerk", "Demo AP clerk", null, List.of(Role.AP_CLERK), null, null,
                        Money.of("10000.00", "EUR"), Money.zero("EUR")),
                new User("U-SUPERVISOR", "supervisor", "Demo AP supervisor", null, List.of(Role.AP_SUPERVISOR), null,
                        null, null, Money.zero("EUR")),
                new User("U-ADMIN", "admin", "Demo administrator", null, List.of(Role.ADMIN), null, null,
                        Money.zero("EUR"), Money.zero("EUR")));
        db.write(tx -> {
            MasterDataWriter w = new MasterDataWriter(tx);
            for (User u : users) {
                w.user(u, hasher.hash("backroom".toCharArray()));
            }
            return null;
        });
    }
}
