package io.backroom.gateway.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The walls inside the gateway (docs/architecture.md, "Inside the gateway"): a core of workflows and ports that
 * knows no transport and no adapter, adapters that know only the ports, and JDBC kept to the store and the
 * adapters. Every rule fails when its subject matches no class, so a package rename cannot make it pass silently.
 */
class GatewayArchitectureTest {
    private static final String ROOT = "io.backroom.gateway";
    private static final String HTTP = ROOT + ".http..";
    private static final String CORE = ROOT + ".core..";
    private static final String ADAPTERS = ROOT + ".adapter..";
    private static final String SANDBOX = ROOT + ".adapter.sandbox..";
    private static final String STORE = ROOT + ".store..";
    /** The workflows and the gateway's own state around them, one package per domain. */
    private static final String[] WORKFLOWS = {ROOT + ".ap..", ROOT + ".audit..", ROOT + ".events..",
            ROOT + ".erpsync.."};

    /**
     * Classes outside the store and adapter packages that still map rows and declare {@code SQLException}: the
     * workflows' persistence, which runs in the gateway's own store through its {@code Sql} helper. Frozen: a class
     * is taken off this list when its SQL moves into a store package, and no class may be added.
     */
    private static final Set<String> SQL_ROW_MAPPING_FROZEN = Set.of(
            "ap.ApWorkflow", "ap.InvoiceRepository", "ap.InvoiceQuery", "ap.ApMetricsQuery", "ap.TolerancePolicyStore",
            "ap.InvoiceDocuments", "audit.AuditLog", "events.ChangeFeed", "erpsync.ErpMirror", "erpsync.ErpOutbox",
            "erpsync.ReadModelRefresher", "http.Tokens", "http.Idempotency", "http.ApiRoutes", "auth.PendingPasswords",
            "seed.DatasetSeeder",
            // financial controls (issue 21): their queries run in the caller's write transaction like ApWorkflow's;
            // to move into a store package together with the workflows' persistence
            "ap.DutySeparation", "ap.AgreedFreight", "ap.CreditNoteRules", "ap.AutoRelease", "audit.AuditSources",
            "http.ReadScope");

    private static JavaClasses gateway;

    @BeforeAll
    static void importClasses() {
        gateway = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    @Test
    void coreAndWorkflowsNeverImportTheHttpLayer() {
        check(noClasses().that().resideInAnyPackage(CORE).or().resideInAnyPackage(WORKFLOWS)
                .should().dependOnClassesThat().resideInAPackage(HTTP));
    }

    @Test
    void coreDependsOnNothingOfTheGatewayButItself() {
        check(noClasses().that().resideInAPackage(CORE)
                .should().dependOnClassesThat(gatewayClassOutside(CORE)));
    }

    @Test
    void workflowsNeverImportAnAdapter() {
        check(noClasses().that().resideInAnyPackage(WORKFLOWS)
                .should().dependOnClassesThat().resideInAnyPackage(ADAPTERS, SANDBOX));
    }

    @Test
    void workflowsNeverCallThePortsInsideTheirTransactions() {
        // the AP workflows read the read model and write the outbox; only erpsync (refresh, outbox sender), the
        // master-data routes and the composition root call the ERP and identity ports
        check(noClasses().that().resideInAnyPackage(ROOT + ".ap..", ROOT + ".audit..", ROOT + ".events..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".core.erp..", ROOT + ".core.identity.."));
    }

    @Test
    void theHttpLayerReachesTheErpOnlyThroughThePorts() {
        check(noClasses().that().resideInAPackage(HTTP)
                .should().dependOnClassesThat().resideInAnyPackage(ADAPTERS));
    }

    @Test
    void adaptersDependOnlyOnThePortsTheStoreAndEachTheirOwn() {
        check(noClasses().that().resideInAPackage(ADAPTERS)
                .should().dependOnClassesThat().resideInAnyPackage(HTTP)
                .orShould().dependOnClassesThat().resideInAnyPackage(WORKFLOWS));
        check(slices().matching(ROOT + ".adapter.(*)..").should().notDependOnEachOther());
    }

    @Test
    void jdbcConnectionsAndStatementsOnlyInStoreAndAdapterPackages() {
        check(noClasses().that().resideOutsideOfPackages(STORE, ADAPTERS).and().resideInAPackage(ROOT + "..")
                .should().dependOnClassesThat().haveFullyQualifiedName("java.sql.Connection")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.sql.Statement")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.sql.PreparedStatement")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.sql.DriverManager")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("javax.sql.DataSource"));
    }

    @Test
    void jdbcRowsAndErrorsOnlyInStoreAndAdapterPackagesAndTheFrozenPersistenceClasses() {
        check(noClasses().that().resideOutsideOfPackages(STORE, ADAPTERS).and().resideInAPackage(ROOT + "..")
                .and(notFrozen())
                .should().dependOnClassesThat().resideInAPackage("java.sql.."));
    }

    @Test
    void theFrozenListNamesOnlyClassesThatExist() {
        for (String name : SQL_ROW_MAPPING_FROZEN) {
            assertThat(gateway.contain(ROOT + "." + name)).as("frozen class %s exists", name).isTrue();
        }
    }

    private static DescribedPredicate<JavaClass> notFrozen() {
        return DescribedPredicate.describe("are not on the frozen list of persistence classes", c -> {
            String top = c.getName().contains("$") ? c.getName().substring(0, c.getName().indexOf('$')) : c.getName();
            return !SQL_ROW_MAPPING_FROZEN.contains(top.substring(ROOT.length() + 1));
        });
    }

    private static DescribedPredicate<JavaClass> gatewayClassOutside(String pkg) {
        String prefix = pkg.substring(0, pkg.length() - 2);
        return DescribedPredicate.describe("are gateway classes outside " + pkg,
                c -> c.getPackageName().startsWith(ROOT) && !c.getPackageName().startsWith(prefix));
    }

    private static void check(ArchRule rule) {
        rule.allowEmptyShould(false).check(gateway);
    }
}
