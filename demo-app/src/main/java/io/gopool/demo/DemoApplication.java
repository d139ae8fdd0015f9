package io.gopool.demo;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * Runs {@link BurstDemo} once and exits.
 */
@SpringBootApplication
@EnableConfigurationProperties(BurstProperties.class)
public class DemoApplication {

	public static void main(String[] args) {
		System.exit(SpringApplication.exit(SpringApplication.run(DemoApplication.class, args)));
	}

}
