package io.gopool.spring.autoconfigure;

import org.jspecify.annotations.Nullable;

/**
 * A {@code gopool.*} property has a value GoPool cannot use. Startup fails with a report
 * that names the property and what it allows.
 */
public class InvalidGoPoolPropertyException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String property;

	private final transient @Nullable Object value;

	private final String allowed;

	/**
	 * Creates an exception for the given property.
	 * @param property the full property name, such as
	 * {@code gopool.pools.orders.min-workers}
	 * @param value the value found, {@code null} if empty
	 * @param reason why the value cannot be used
	 * @param allowed what the property allows
	 */
	public InvalidGoPoolPropertyException(String property, @Nullable Object value, String reason, String allowed) {
		super(property + " is " + value + ": " + reason);
		this.property = property;
		this.value = value;
		this.allowed = allowed;
	}

	/**
	 * Returns the full name of the property.
	 * @return the property name
	 */
	public String getProperty() {
		return this.property;
	}

	/**
	 * Returns the value found.
	 * @return the value, {@code null} if the property was set empty
	 */
	public @Nullable Object getValue() {
		return this.value;
	}

	/**
	 * Returns what the property allows.
	 * @return the allowed values, in words
	 */
	public String getAllowed() {
		return this.allowed;
	}

}
