package io.gopool.spring;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The starter's packages, as Spring Boot arranges its own: the API at the top knows none
 * of the features below it, no two packages depend on each other, and each optional
 * library is touched by one package only, so that its absence switches off exactly that
 * feature.
 */
class StarterLayeringTests {

	private final JavaClasses starter = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.gopool.spring");

	@Test
	void noPackageCycles() {
		slices().matching("io.gopool.spring.(*)..").should().beFreeOfCycles().check(this.starter);
	}

	@Test
	void theApiPackageKnowsNoFeature() {
		noClasses().that()
			.resideInAPackage("io.gopool.spring")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("io.gopool.spring.actuate..", "io.gopool.spring.async..",
					"io.gopool.spring.autoconfigure..", "io.gopool.spring.dashboard..", "io.gopool.spring.metrics..",
					"io.gopool.spring.observation..", "io.gopool.spring.web..")
			.check(this.starter);
	}

	@Test
	void micrometerOnlyInMetrics() {
		noClasses().that()
			.resideOutsideOfPackage("io.gopool.spring.metrics..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("io.micrometer.core..")
			.check(this.starter);
	}

	@Test
	void theObservationApiOnlyInObservation() {
		noClasses().that()
			.resideOutsideOfPackage("io.gopool.spring.observation..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("io.micrometer.observation..")
			.check(this.starter);
	}

	@Test
	void webOnlyInTheDashboardAndTheOverloadAnswers() {
		noClasses().that()
			.resideOutsideOfPackages("io.gopool.spring.dashboard..", "io.gopool.spring.web..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework.web..", "org.springframework.http..", "jakarta.servlet..",
					"reactor..")
			.check(this.starter);
	}

}
