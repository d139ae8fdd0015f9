package io.gopool;

import java.util.ArrayList;
import java.util.List;

import io.gopool.WakeProtocolModel.Mutant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The wake protocol, model-checked exhaustively ({@link WakeProtocolModel}): every
 * interleaving, from every start (each worker parked or running a task, the queue holding
 * from no task to its capacity), with idle workers spinning (platform) or not (virtual).
 * The default build explores one worker with up to two submitters at capacities 0 to 2,
 * two workers with one submitter at capacities 0 and 1, and two workers with two
 * submitters at capacity 0 without spinning; {@code -Psoak} adds three submitters on one
 * worker at capacities 0 and 1, two workers with one submitter at capacity 2, and two
 * workers with two submitters at capacity 0 with spinning (see {@link #explored}). The
 * protocol strands no task and refuses none while the pool has room; each deliberate bug
 * is found.
 */
@Timeout(3600)
class WakeProtocolModelTests {

	private static final boolean FULL = Boolean.getBoolean("wakeModel.full");

	@Test
	void noInterleavingStrandsATaskOrRefusesOneWhileThePoolHasRoom() {
		List<String> failures = new ArrayList<>();
		long states = 0;
		for (Shape shape : shapes(false)) {
			states += shape.explore(Mutant.NONE, failures);
		}
		assertThat(failures).isEmpty();
		assertThat(states).as("states explored").isGreaterThan(1_000_000);
	}

	@ParameterizedTest
	@EnumSource(value = Mutant.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
	void eachDeliberateBugIsFound(Mutant mutant) {
		List<String> failures = new ArrayList<>();
		for (Shape shape : shapes(true)) {
			shape.explore(mutant, failures);
			if (!failures.isEmpty()) {
				break;
			}
		}
		assertThat(failures).as("%s is found", mutant).isNotEmpty();
	}

	/**
	 * The shapes to explore; {@code withWindow} adds, in the default build, the start of
	 * three submitters on one worker where the rule before this one refused early: a bug
	 * is found there in a second, but the whole space from it takes a minute.
	 */
	private static List<Shape> shapes(boolean withWindow) {
		List<Shape> shapes = new ArrayList<>();
		if (withWindow && !FULL) {
			shapes.add(new Shape(1, 3, 1, false, new boolean[] { true }, 0));
		}
		for (boolean spinning : new boolean[] { false, true }) {
			for (int workers = 1; workers <= 2; workers++) {
				for (int submitters = 1; submitters <= (FULL ? 3 : 2); submitters++) {
					for (int capacity = 0; capacity <= 2; capacity++) {
						if (explored(workers, submitters, capacity, spinning)) {
							addEveryStart(shapes, workers, submitters, capacity, spinning);
						}
					}
				}
			}
		}
		return shapes;
	}

	/**
	 * Whether a shape is explored: the default build's shapes take seconds;
	 * {@code -Psoak} adds those that take minutes (three submitters on one worker, two
	 * workers at capacity 2, two workers and two submitters at capacity 0 with spinning),
	 * and leaves out those that take hours (two workers with two submitters at capacity 1
	 * or more, three submitters at capacity 2 or on two workers).
	 */
	private static boolean explored(int workers, int submitters, int capacity, boolean spinning) {
		if (workers == 1) {
			return submitters < 3 || FULL && capacity < 2;
		}
		if (submitters == 1) {
			return capacity < 2 || FULL;
		}
		return submitters == 2 && capacity == 0 && (FULL || !spinning);
	}

	private static void addEveryStart(List<Shape> shapes, int workers, int submitters, int capacity, boolean spinning) {
		for (int queued = 0; queued <= capacity; queued++) {
			for (int running = 0; running < 1 << workers; running++) {
				boolean[] busy = new boolean[workers];
				for (int w = 0; w < workers; w++) {
					busy[w] = (running & (1 << w)) != 0;
				}
				shapes.add(new Shape(workers, submitters, capacity, spinning, busy, queued));
			}
		}
	}

	/** One start of one model. */
	private record Shape(int workers, int submitters, int capacity, boolean spinning, boolean[] running, int queued) {

		long explore(Mutant mutant, List<String> failures) {
			WakeProtocolModel model = new WakeProtocolModel(this.workers, this.submitters, this.capacity, this.spinning,
					mutant);
			String failure = model.explore(this.running, this.queued);
			if (failure != null) {
				failures.add(this + ": " + failure);
			}
			return model.statesExplored();
		}

		@Override
		public String toString() {
			StringBuilder running = new StringBuilder();
			for (boolean busy : this.running) {
				running.append(busy ? 'R' : 'P');
			}
			return this.workers + " worker(s) [" + running + "], " + this.submitters + " submitter(s), capacity "
					+ this.capacity + ", " + this.queued + " queued, " + (this.spinning ? "spinning" : "no spinning");
		}

	}

}
