package capas.practica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import capas.CapasException;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PracticaCatalogTest {
    @Test
    void everyPracticaClassInTheCatalogPackageIsListed() throws Exception {
        // A class written but left out of META-INF/services would be a práctica nobody can open.
        List<String> classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(PracticaCatalog.PACKAGE).stream()
                .filter(c -> c.getPackageName().equals(PracticaCatalog.PACKAGE) && c.isAssignableTo(PracticaDefinition.class)
                        && !c.isInterface() && c.getModifiers().contains(JavaModifier.PUBLIC))
                .map(JavaClass::getName).sorted().toList();
        List<String> ids = new ArrayList<>();
        for (String name : classes) {
            ids.add(((PracticaDefinition) Class.forName(name).getConstructor().newInstance()).id());
        }

        assertThat(classes).isNotEmpty();
        assertThat(PracticaCatalog.ids()).containsExactlyInAnyOrderElementsOf(ids);
    }

    @Test
    void theIdsAreInTeachingOrder() {
        assertThat(PracticaCatalog.ids()).containsExactly("p1-overlay-a-mano", "p2-capas-compartidas", "p3-donde-esta-tu-fichero",
                "p4-copias-y-whiteouts", "p5-liberar-una-imagen", "p6-uids-rootless").isSorted();
    }

    @Test
    void eachGetIsANewPractica() {
        assertThat(PracticaCatalog.get("p3-donde-esta-tu-fichero")).isNotSameAs(PracticaCatalog.get("p3-donde-esta-tu-fichero"))
                .extracting(PracticaDefinition::id).isEqualTo("p3-donde-esta-tu-fichero");
    }

    @Test
    void anUnknownIdIsAnEnvironmentError() {
        assertThatThrownBy(() -> PracticaCatalog.get("p9-no-existe")).isInstanceOfSatisfying(CapasException.class,
                e -> assertThat(e.kind()).isEqualTo(CapasException.Kind.ENVIRONMENT));
    }
}
