package io.gopool;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * gopool-core has no runtime dependencies: Spring and Micrometer adapt it, never the
 * reverse. Besides {@code java.*} it uses only the JDK's own flight recorder
 * ({@code jdk.jfr}), and only when the runtime has it, and the JSpecify null annotations,
 * which are needed at compile time only.
 */
class LayeringTests {

	private final JavaClasses core = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.gopool");

	@Test
	void coreDependsOnlyOnTheJdk() {
		classes().that()
			.resideInAPackage("io.gopool..")
			.should()
			.onlyDependOnClassesThat()
			.resideInAnyPackage("io.gopool..", "java..", "jdk.jfr..", "org.jspecify.annotations..")
			.check(this.core);
	}

	@Test
	void coreKnowsNothingOfSpringOrMicrometer() {
		noClasses().should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework..", "io.micrometer..")
			.check(this.core);
	}

}
