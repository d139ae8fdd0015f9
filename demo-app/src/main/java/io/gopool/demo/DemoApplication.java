package io.gopool.demo;

import io.gopool.WorkerType;
import io.gopool.spring.GoPoolBuilderCustomizer;
import io.gopool.spring.async.EnableGoPool;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * The demo service. Pools are declared in {@code application.yml}.
 */
@SpringBootApplication
@EnableGoPool
public class DemoApplication {

	public static void main(String[] args) {
		SpringApplication.run(DemoApplication.class, args);
	}

	/**
	 * Runs the {@code io} pool on virtual threads where the JVM has them (Java 21+), so
	 * the same demo starts on Java 17: an example of a {@link GoPoolBuilderCustomizer}.
	 */
	@Bean
	GoPoolBuilderCustomizer virtualIoWorkers() {
		return (poolName, builder) -> {
			if (poolName.equals("io") && Runtime.version().feature() >= 21) {
				builder.workerType(WorkerType.VIRTUAL);
			}
		};
	}

}
