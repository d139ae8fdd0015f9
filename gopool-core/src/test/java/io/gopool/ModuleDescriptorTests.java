package io.gopool;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;

import org.jspecify.annotations.NullMarked;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The jar is a named module that exports the API package only and needs nothing at run
 * time but {@code java.base}; the tests themselves run on the class path, as most users
 * run the jar.
 */
class ModuleDescriptorTests {

	@Test
	void theModuleExportsTheApiAndRequiresNothingAtRunTime() throws IOException {
		ModuleDescriptor descriptor;
		try (InputStream in = Files.newInputStream(Path.of("target/classes/module-info.class"))) {
			descriptor = ModuleDescriptor.read(in);
		}
		assertThat(descriptor.name()).isEqualTo("io.gopool");
		assertThat(descriptor.exports()).extracting(ModuleDescriptor.Exports::source).containsExactly("io.gopool");
		assertThat(descriptor.exports()).allSatisfy((export) -> assertThat(export.isQualified()).isFalse());
		assertThat(descriptor.requires()).allSatisfy((requires) -> assertThat(requires.name().equals("java.base")
				|| requires.modifiers().contains(ModuleDescriptor.Requires.Modifier.STATIC))
			.as("%s is needed at run time", requires.name())
			.isTrue());
		assertThat(descriptor.requires()).extracting(ModuleDescriptor.Requires::name)
			.contains("jdk.jfr", "org.jspecify");
	}

	@Test
	void theApiPackageIsNullMarked() {
		assertThat(GoPool.class.getPackage().isAnnotationPresent(NullMarked.class)).isTrue();
	}

}
