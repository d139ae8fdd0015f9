package io.gopool.spring.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The build generates IDE metadata for every {@code gopool.*} property, with a
 * description.
 */
class ConfigurationMetadataTests {

	@Test
	void everyPropertyIsListedWithADescription() throws IOException {
		List<Map<String, Object>> properties = properties();
		assertThat(properties).extracting((property) -> property.get("name"))
			.contains("gopool.defaults.min-workers", "gopool.defaults.max-workers", "gopool.defaults.keep-alive",
					"gopool.defaults.queue-capacity", "gopool.defaults.rejection-policy", "gopool.defaults.worker-type",
					"gopool.defaults.default-priority", "gopool.defaults.default-deadline",
					"gopool.defaults.block-timeout", "gopool.defaults.max-blocked-submitters", "gopool.pools",
					"gopool.shutdown.await-termination-period");
		assertThat(properties).allSatisfy(
				(property) -> assertThat(property.get("description")).as("description of %s", property.get("name"))
					.isNotNull());
	}

	/** Every key the metadata lists. */
	static List<String> keys() throws IOException {
		return properties().stream().map((property) -> (String) property.get("name")).toList();
	}

	/** The keys of a pool's settings, as the metadata lists them under the defaults. */
	static List<String> poolPropertyKeys() throws IOException {
		String prefix = "gopool.defaults.";
		return properties().stream()
			.map((property) -> (String) property.get("name"))
			.filter((name) -> name.startsWith(prefix))
			.map((name) -> name.substring(prefix.length()))
			.toList();
	}

	private static List<Map<String, Object>> properties() throws IOException {
		try (InputStream in = ConfigurationMetadataTests.class
			.getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
			assertThat(in).as("generated metadata").isNotNull();
			return JsonPath.parse(in).read("$.properties[*]");
		}
	}

}
