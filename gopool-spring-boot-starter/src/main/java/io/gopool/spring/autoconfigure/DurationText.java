package io.gopool.spring.autoconfigure;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

import org.springframework.boot.convert.DurationStyle;

/**
 * Prints a duration as one writes it in {@code application.yml}: in the largest unit that
 * is exact ({@code 1m}, {@code 90s}, {@code 1500ms}). The settings table prints durations
 * this way for the endpoint, the dashboard and the log lines, so what they show can be
 * pasted back into the configuration.
 */
final class DurationText {

	private static final ChronoUnit[] UNITS = { ChronoUnit.DAYS, ChronoUnit.HOURS, ChronoUnit.MINUTES,
			ChronoUnit.SECONDS, ChronoUnit.MILLIS, ChronoUnit.MICROS };

	private DurationText() {
	}

	/**
	 * Prints a duration in the largest exact unit.
	 * @param duration the duration
	 * @return the text, such as {@code 30s}
	 */
	static String print(Duration duration) {
		if (duration.isZero()) {
			return "0s";
		}
		for (ChronoUnit unit : UNITS) {
			if (duration.toNanos() % unit.getDuration().toNanos() == 0) {
				return DurationStyle.SIMPLE.print(duration, unit);
			}
		}
		return DurationStyle.SIMPLE.print(duration, ChronoUnit.NANOS);
	}

}
