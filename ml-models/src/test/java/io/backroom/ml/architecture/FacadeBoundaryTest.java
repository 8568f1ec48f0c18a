package io.backroom.ml.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;

/** No Tribuo type crosses a facade's public surface; ml-models never depends on gateway or sample-data code. */
class FacadeBoundaryTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.backroom.ml");
    private static final String[] FACADES = {"io.backroom.ml", "io.backroom.ml.anomaly", "io.backroom.ml.documents",
        "io.backroom.ml.exceptions", "io.backroom.ml.pos", "io.backroom.ml.priority", "io.backroom.ml.explain",
        "io.backroom.ml.table", "io.backroom.ml.eval", "io.backroom.ml.data"};

    @Test
    void facadeSignaturesCarryNoTribuoType() {
        methods().that().arePublic().and().areDeclaredInClassesThat().resideInAnyPackage(FACADES)
                .should(new ArchCondition<JavaMethod>("not mention a Tribuo type in their signature") {
                    @Override
                    public void check(JavaMethod method, ConditionEvents events) {
                        boolean tribuo = isTribuo(method.getRawReturnType())
                                || method.getRawParameterTypes().stream().anyMatch(FacadeBoundaryTest::isTribuo);
                        if (tribuo) {
                            events.add(SimpleConditionEvent.violated(method, method.getFullName() + " exposes a Tribuo type"));
                        }
                    }
                }).check(CLASSES);
    }

    @Test
    void modelsDoNotDependOnGatewayOrSampleDataCode() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("io.backroom.gateway..", "io.backroom.sampledata..")
                .check(CLASSES);
    }

    private static boolean isTribuo(JavaClass type) {
        return type.getPackageName().startsWith("org.tribuo") || type.getPackageName().startsWith("com.oracle.labs.mlrg");
    }
}
