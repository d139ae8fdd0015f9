package io.gopool.spring.async;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns an {@link InvalidGoAsyncMethodException} into a startup report that names the
 * method.
 */
class InvalidGoAsyncMethodFailureAnalyzer extends AbstractFailureAnalyzer<InvalidGoAsyncMethodException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidGoAsyncMethodException cause) {
		return new FailureAnalysis(cause.getMessage() + ".", cause.getAction(), cause);
	}

}
