package io.gopool.spring.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns an {@link InvalidGoPoolPropertyException} into a startup report that names the
 * property, its value and what it allows, instead of a stack trace.
 */
class InvalidGoPoolPropertyFailureAnalyzer extends AbstractFailureAnalyzer<InvalidGoPoolPropertyException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidGoPoolPropertyException cause) {
		String description = "Invalid GoPool configuration: " + cause.getMessage() + ".";
		String action = "Update '" + cause.getProperty() + "' in your configuration. It must be " + cause.getAllowed()
				+ ".";
		return new FailureAnalysis(description, action, cause);
	}

}
