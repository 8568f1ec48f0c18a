package io.backroom.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The arrows of docs/architecture.md, enforced. Every module's production classes are on this
 * module's class path (app depends on all of them), so the rules see the whole system.
 */
class ArchitectureTest {
    private static final String SDK = "io.backroom.sdk..";
    private static final String API = "io.backroom.api..";
    private static final String SDK_INTERNAL = "io.backroom.sdk.internal..";
    private static final String SAMPLE_DATA = "io.backroom.sampledata..";
    private static final String GATEWAY = "io.backroom.gateway..";
    private static final String MODELS = "io.backroom.ml..";
    private static final String APP = "io.backroom.app..";
    private static final String INSTALLER = "io.backroom.installer..";

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("io.backroom");
    }

    @Test
    void clientSdkDependsOnNoOtherModule() {
        check(noClasses().that().resideInAnyPackage(SDK, API)
                .should().dependOnClassesThat().resideInAnyPackage(SAMPLE_DATA, GATEWAY, MODELS, APP, INSTALLER));
    }

    @Test
    void nothingDependsOnTheApp() {
        check(noClasses().that().resideOutsideOfPackage(APP)
                .should().dependOnClassesThat().resideInAPackage(APP));
    }

    @Test
    void modelsDoNotDependOnTheGatewayOrSampleData() {
        check(noClasses().that().resideInAPackage(MODELS)
                .should().dependOnClassesThat().resideInAnyPackage(GATEWAY, SAMPLE_DATA));
    }

    @Test
    void sampleDataDependsOnlyOnTheApiModel() {
        check(noClasses().that().resideInAPackage(SAMPLE_DATA)
                .should().dependOnClassesThat().resideInAnyPackage(GATEWAY, MODELS, APP, SDK));
    }

    @Test
    void gatewayDoesNotDependOnModelsOrApp() {
        check(noClasses().that().resideInAPackage(GATEWAY)
                .should().dependOnClassesThat().resideInAnyPackage(MODELS, APP));
    }

    @Test
    void javaFxOnlyInTheApp() {
        check(noClasses().that().resideOutsideOfPackage(APP)
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "atlantafx.."));
    }

    @Test
    void tribuoOnlyInTheModels() {
        check(noClasses().that().resideOutsideOfPackage(MODELS)
                .should().dependOnClassesThat().resideInAPackage("org.tribuo.."));
    }

    @Test
    void retrofitAndOkHttpOnlyInTheSdksInternalPackage() {
        check(noClasses().that().resideOutsideOfPackage(SDK_INTERNAL)
                .should().dependOnClassesThat().resideInAnyPackage("retrofit2..", "okhttp3..", "okio.."));
    }

    @Test
    void noJdbcInViewsOrViewModels() {
        check(noClasses().that().resideInAPackage("io.backroom.app.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "org.sqlite.."));
    }

    @Test
    void servicesKnowNothingOfJavaFx() {
        check(noClasses().that().resideInAnyPackage("io.backroom.app.services..", "io.backroom.app.tasks..",
                        "io.backroom.app.config..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "atlantafx.."));
    }

    @Test
    void viewsAndViewModelsDoNotCallTheSdkOrGatewayDirectly() {
        check(noClasses().that().resideInAPackage("io.backroom.app.ui..")
                .should().dependOnClassesThat().resideInAnyPackage(SDK, GATEWAY, MODELS));
    }

    @Test
    void pdfBoxOnlyInTheServices() {
        check(noClasses().that().resideInAPackage(APP).and().resideOutsideOfPackage("io.backroom.app.services..")
                .should().dependOnClassesThat().resideInAPackage("org.apache.pdfbox.."));
    }

    @Test
    void jdbcOnlyInTheStoreBackedServices() {
        check(noClasses().that().resideInAPackage(APP).and().resideOutsideOfPackages("io.backroom.app.services.store..",
                        "io.backroom.app.services.audit..", "io.backroom.app.services.outbox..",
                        "io.backroom.app.services.settings..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "org.sqlite.."));
        check(noClasses().that().resideInAPackage(APP).and().resideOutsideOfPackage("io.backroom.app.services.store..")
                .should().dependOnClassesThat().resideInAPackage("org.sqlite.."));
    }

    @Test
    void viewsRunSlowWorkOnlyThroughTheTaskExecutor() {
        // Named exception: UiTaskExecutor is the one place the UI owns threads.
        check(noClasses().that().resideInAPackage("io.backroom.app.ui..").and().haveNameNotMatching(".*\\.UiTaskExecutor(\\$.*)?")
                .should().dependOnClassesThat().haveFullyQualifiedName("java.util.concurrent.Executors")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.concurrent.ExecutorService")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("javafx.concurrent.Task")
                .orShould().callConstructor(Thread.class, Runnable.class));
    }

    private static void check(ArchRule rule) {
        rule.allowEmptyShould(true).check(classes);
    }
}
