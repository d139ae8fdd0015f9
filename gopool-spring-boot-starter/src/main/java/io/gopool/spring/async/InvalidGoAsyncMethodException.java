package io.gopool.spring.async;

/**
 * A {@code @GoAsync} method cannot be used as declared. Startup fails with a report that
 * names the method and says what to change.
 */
public class InvalidGoAsyncMethodException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String action;

	/**
	 * Creates an exception.
	 * @param method the method, as {@code Class.method(ParameterTypes)}
	 * @param problem what is wrong with it
	 * @param action what to change
	 */
	public InvalidGoAsyncMethodException(String method, String problem, String action) {
		super("@GoAsync method " + method + " " + problem);
		this.action = action;
	}

	/**
	 * Returns what to change.
	 * @return the action
	 */
	public String getAction() {
		return this.action;
	}

}
