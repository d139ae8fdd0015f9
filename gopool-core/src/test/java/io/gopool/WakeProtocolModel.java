package io.gopool;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * A steppable model of the engine's wake protocol (the "Waking" and "No stranded task"
 * notes of {@link WorkerPool}), explored exhaustively: every interleaving of every
 * shared-memory step of a few submitters and workers. One step is one read, write or CAS
 * of shared state, in the order the code makes them: the idle stack (pop, push,
 * remove-if-top), the workers' slots, the searching count, the spinning count, the
 * queue's places and linked tasks. Each submitter dispatches one task (steps 1, 3 and 4
 * of the dispatch, the count and the look again; no worker can be started, as with a pool
 * at its maximum); each worker runs its loop: tasks, polling, the misses, going idle, the
 * idle re-check, spinning, parking, leaving idleness, and searchEnded with the wake-up it
 * may make.
 * <p>
 * Checked in every reachable state:
 * <ul>
 * <li><b>No stranded task</b>: once no thread can move (submitters done, workers parked),
 * no task is linked or handed over, no place is held and the count is zero.</li>
 * <li><b>Exact capacity</b>: a submitter is refused only if, during its dispatch, the
 * queue was full at some moment and every worker, at some moment, was neither idle nor
 * counted as searching (running a task, or between tasks). The design guarantees exactly
 * this: a worker idle or searching throughout is seen, and a place free throughout is
 * taken.</li>
 * </ul>
 * It is a model: it checks the protocol as these steps write it, and {@link Mutant}s
 * check that the exploration finds the bugs the protocol exists to prevent. The code is
 * held to the same steps by the dispatch, burst, boundary and soak tests.
 * <p>
 * Map: constants (slot values, program counters of the submitter, worker and shared
 * subroutines); the state layout; {@link #explore}; {@link #step}, one case per program
 * counter; the checks.
 */
final class WakeProtocolModel {

	/**
	 * A deliberate bug, to show that the exploration finds what the protocol prevents.
	 */
	enum Mutant {

		/** The protocol as written. */
		NONE,

		/** A submitter refuses as soon as the count is zero. */
		NO_CONFIRM,

		/**
		 * A submitter confirms a zero count with the queue and the stack but not with the
		 * epoch: the engine before this model refused so, early, when a worker began and
		 * ended a search between its reads.
		 */
		NO_EPOCH_CHECK,

		/** A searching worker uncounts itself before giving back the place it polled. */
		UNCOUNT_BEFORE_RELEASE,

		/** A submitter links its task and wakes nobody. */
		NO_WAKE_AFTER_LINK,

		/** A worker that pushed itself parks without looking for a linked task. */
		NO_IDLE_RECHECK

	}

	// Slot values.
	private static final int NULL = 0;

	private static final int TASK = 1;

	private static final int WAKE = 2;

	private static final int BUSY = 3;

	// Submitter program counters.
	private static final int S_START = 1;

	private static final int S_HANDOFF_EMPTY = 2;

	private static final int S_HANDOFF_COUNT = 3;

	private static final int S_HANDOFF_ASSIGN = 4;

	private static final int S_HANDOFF_DONE = 5;

	private static final int S_RESERVE = 6;

	private static final int S_LINK = 7;

	private static final int S_WAKE_EMPTY = 8;

	private static final int S_WAKE_COUNT = 9;

	private static final int S_WAKE_IDLE = 10;

	private static final int S_ANY_EMPTY = 11;

	private static final int S_ANY_ASSIGN = 12;

	private static final int S_ANY_DONE = 13;

	private static final int S_COUNT = 14;

	private static final int S_CONFIRM_RESERVE = 15;

	private static final int S_CONFIRM_EMPTY = 16;

	private static final int S_CONFIRM_ASSIGN = 17;

	private static final int S_CONFIRM_DONE = 18;

	private static final int S_CONFIRM_EPOCH = 19;

	private static final int S_DONE = 39;

	// Worker program counters.
	private static final int W_RUN = 20;

	private static final int W_POLL = 21;

	private static final int W_POLLED = 22;

	private static final int W_START_RUN = 23;

	private static final int W_SIZE = 24;

	private static final int W_CLEAR_SLOT = 25;

	private static final int W_PUSH = 26;

	private static final int W_IDLE = 27;

	private static final int W_SEARCH_STARTED = 28;

	private static final int W_LEAVE_IDLE = 29;

	private static final int W_REMOVE_TOP = 30;

	private static final int W_TRY_SPIN = 31;

	private static final int W_SPIN_COUNTED = 32;

	private static final int W_SPIN = 33;

	private static final int W_PARK_LOOP = 34;

	private static final int W_PARKED = 35;

	private static final int W_DISPATCH = 36;

	private static final int W_RELEASE_AFTER_UNCOUNT = 37;

	// Shared subroutines: searchEnded (SE), wakeIdleWorker (WI), IdleWorkerStack.assign
	// (AS).
	private static final int SE_DECREMENT = 60;

	private static final int SE_EMPTY = 61;

	private static final int SE_COUNT = 62;

	private static final int SE_LINKED = 63;

	private static final int SE_RETURN = 64;

	private static final int WI_COUNT = 70;

	private static final int WI_ASSIGNED = 71;

	private static final int WI_UNCOUNT = 72;

	private static final int WI_EMPTY = 73;

	private static final int WI_ZERO = 74;

	private static final int WI_LINKED = 75;

	private static final int AS_POP = 80;

	private static final int AS_CAS = 81;

	/** Looks at a queue that counts places it cannot see yet before going idle. */
	private static final int MISSES_BEFORE_IDLE = 2;

	/** Looks while spinning. */
	private static final int SPINS = 2;

	private static final int MAX_SPINNING = 1;

	// State layout: the shared part, then each thread's locals.
	private static final int SIZE = 0;

	private static final int LINKED = 1;

	private static final int SEARCHING = 2;

	private static final int SPINNING = 3;

	private static final int STACK_LENGTH = 4;

	private static final int STACK = 5;

	// Thread locals, at the thread's base.
	private static final int PC = 0;

	private static final int SP = 1;

	private static final int RETURNS = 2;

	private static final int RESULT = 5;

	private static final int ASSIGN_VALUE = 6;

	private static final int POPPED = 7;

	/**
	 * Worker: counted as searching in nextWork; submitter: 1 once a search began or ended
	 * after its zero count (the epoch moved).
	 */
	private static final int FLAG = 8;

	/** Worker: misses or spins; submitter: the workers available throughout. */
	private static final int COUNTER = 9;

	/** Worker: its work (TASK, WAKE); submitter: 1 if a place was free throughout. */
	private static final int WORK = 10;

	/**
	 * Worker: 1 while idle or counted (see {@link #available}); submitter: 1 if refused.
	 */
	private static final int MARK = 11;

	/**
	 * Worker: 1 while it holds a task (handed over, polled with its place given back, or
	 * running); submitter: 1 once its dispatch is exempt from the occupancy check (see
	 * {@link #checkAfterStep}).
	 */
	private static final int HOLD = 12;

	/** Worker: 1 if its next uncount ends its availability (it has taken a task). */
	private static final int CLEAR = 13;

	/**
	 * Worker: 1 from the end of its task until it is idle or holds another: between
	 * tasks.
	 */
	private static final int FINISHING = 14;

	private static final int LOCALS = 15;

	private final int workers;

	private final int submitters;

	private final int capacity;

	private final Mutant mutant;

	private final boolean spinning;

	private final int stackMax;

	private final int slots;

	private final int threadsBase;

	private long states;

	/**
	 * A model of the given size; {@code spinning} says whether idle workers may spin (as
	 * platform workers do) or park at once (as virtual workers do).
	 */
	WakeProtocolModel(int workers, int submitters, int capacity, boolean spinning, Mutant mutant) {
		this.workers = workers;
		this.submitters = submitters;
		this.capacity = capacity;
		this.spinning = spinning;
		this.mutant = mutant;
		this.stackMax = 4 * workers + 2;
		this.slots = STACK + this.stackMax;
		this.threadsBase = this.slots + workers;
	}

	/**
	 * Explores every interleaving from the given start: {@code running[w]} says whether
	 * worker {@code w} starts running a task (else it starts parked on the idle stack),
	 * and {@code queued} tasks start linked in the queue. Returns {@code null} if every
	 * state passed the checks, else what failed, with the steps that led there.
	 */
	String explore(boolean[] running, int queued) {
		int[] start = new int[this.threadsBase + (this.workers + this.submitters) * LOCALS];
		start[SIZE] = queued;
		start[LINKED] = queued;
		for (int w = 0; w < this.workers; w++) {
			int base = base(w);
			if (running[w]) {
				start[base + PC] = W_RUN;
				start[base + HOLD] = 1;
				start[this.slots + w] = BUSY;
			}
			else {
				start[base + PC] = W_PARKED;
				start[base + MARK] = 1;
				start[STACK + start[STACK_LENGTH]++] = w;
			}
		}
		for (int s = 0; s < this.submitters; s++) {
			start[base(this.workers + s) + PC] = S_START;
		}
		Set<State> seen = new HashSet<>();
		ArrayDeque<State> toVisit = new ArrayDeque<>();
		State first = new State(start, null, -1);
		seen.add(first);
		toVisit.push(first);
		while (!toVisit.isEmpty()) {
			State state = toVisit.pop();
			this.states++;
			boolean moved = false;
			for (int thread = 0; thread < this.workers + this.submitters; thread++) {
				int[] next = state.unpack();
				String failure;
				int[] before = state.unpack();
				try {
					if (!step(next, thread)) {
						continue;
					}
					failure = checkAfterStep(before, next, thread);
					forgetDeadLocals(next);
				}
				catch (IllegalStateException ex) {
					failure = ex.getMessage();
				}
				moved = true;
				State successor = new State(next, state, thread);
				if (failure != null) {
					return failure + "\n" + successor.trace();
				}
				if (seen.add(successor)) {
					toVisit.push(successor);
				}
			}
			if (!moved) {
				String failure = checkQuiet(state.unpack());
				if (failure != null) {
					return failure + "\n" + state.trace();
				}
			}
		}
		return null;
	}

	long statesExplored() {
		return this.states;
	}

	/**
	 * Clears the locals that no later step reads, so that states that differ only in them
	 * are explored once.
	 */
	private void forgetDeadLocals(int[] s) {
		for (int thread = 0; thread < this.workers + this.submitters; thread++) {
			int b = base(thread);
			int pc = s[b + PC];
			if (pc != AS_POP && pc != AS_CAS) {
				s[b + ASSIGN_VALUE] = 0;
				s[b + POPPED] = 0;
			}
			if (s[b + SP] == 0 && pc != S_HANDOFF_DONE && pc != S_ANY_DONE && pc != S_CONFIRM_DONE) {
				s[b + RESULT] = 0;
			}
			if (thread < this.workers) {
				if (pc != W_POLL && pc != W_SIZE && pc != W_SPIN) {
					s[b + COUNTER] = 0;
				}
			}
			else if (pc != S_CONFIRM_RESERVE && pc != S_CONFIRM_EMPTY && pc != S_CONFIRM_EPOCH) {
				s[b + FLAG] = 0;
			}
			if (thread >= this.workers && pc == S_DONE) {
				for (int local = SP; local < LOCALS; local++) {
					if (local != MARK) {
						s[b + local] = 0;
					}
				}
			}
		}
	}

	private int base(int thread) {
		return this.threadsBase + thread * LOCALS;
	}

	// -----------------------------------------------------------------------------------
	// One step of one thread
	// -----------------------------------------------------------------------------------

	/** Makes one step of the thread; returns {@code false} if it cannot move. */
	private boolean step(int[] s, int thread) {
		int b = base(thread);
		boolean worker = thread < this.workers;
		switch (s[b + PC]) {
			// Submitter: dispatch of one task.
			case S_START -> {
				s[b + COUNTER] = availableMask(s);
				s[b + WORK] = (s[SIZE] < this.capacity) ? 1 : 0;
				s[b + HOLD] = 0;
				s[b + PC] = S_HANDOFF_EMPTY;
			}
			case S_HANDOFF_EMPTY -> {
				s[b + PC] = (s[STACK_LENGTH] == 0) ? S_RESERVE : S_HANDOFF_COUNT;
			}
			case S_HANDOFF_COUNT -> {
				if (s[SEARCHING] > 0) {
					s[b + PC] = S_RESERVE;
				}
				else {
					s[b + PC] = S_HANDOFF_ASSIGN;
				}
			}
			case S_HANDOFF_ASSIGN -> {
				s[SEARCHING]++;
				assign(s, b, TASK, S_HANDOFF_DONE);
			}
			case S_HANDOFF_DONE -> {
				if (s[b + RESULT] == 1) {
					s[b + PC] = S_DONE;
				}
				else {
					call(s, b, SE_DECREMENT, S_RESERVE);
				}
			}
			case S_RESERVE -> {
				if (s[SIZE] < this.capacity) {
					s[SIZE]++;
					s[b + PC] = S_LINK;
				}
				else {
					s[b + PC] = S_ANY_EMPTY;
				}
			}
			case S_LINK -> {
				s[LINKED]++;
				s[b + PC] = (this.mutant == Mutant.NO_WAKE_AFTER_LINK) ? S_DONE : S_WAKE_EMPTY;
			}
			case S_WAKE_EMPTY -> {
				s[b + PC] = (s[STACK_LENGTH] == 0) ? S_DONE : S_WAKE_COUNT;
			}
			case S_WAKE_COUNT -> {
				s[b + PC] = (s[SEARCHING] > 0) ? S_DONE : S_WAKE_IDLE;
			}
			case S_WAKE_IDLE -> call(s, b, WI_COUNT, S_DONE);
			case S_ANY_EMPTY -> {
				s[b + PC] = (s[STACK_LENGTH] == 0) ? S_COUNT : S_ANY_ASSIGN;
			}
			case S_ANY_ASSIGN -> {
				s[SEARCHING]++;
				assign(s, b, TASK, S_ANY_DONE);
			}
			case S_ANY_DONE -> {
				if (s[b + RESULT] == 1) {
					s[b + PC] = S_DONE;
				}
				else {
					call(s, b, SE_DECREMENT, S_COUNT);
				}
			}
			case S_COUNT -> {
				// The count and its epoch: a woken worker has yet to look, so wait for
				// it; at zero, confirm with the queue, then the stack, then the epoch.
				if (s[SEARCHING] > 0) {
					s[b + PC] = S_HANDOFF_EMPTY;
				}
				else if (this.mutant == Mutant.NO_CONFIRM) {
					refuse(s, b);
				}
				else {
					s[b + FLAG] = 0;
					s[b + PC] = S_CONFIRM_RESERVE;
				}
			}
			case S_CONFIRM_RESERVE -> {
				if (s[SIZE] < this.capacity) {
					s[SIZE]++;
					s[b + PC] = S_LINK;
				}
				else {
					s[b + PC] = S_CONFIRM_EMPTY;
				}
			}
			case S_CONFIRM_EMPTY -> {
				s[b + PC] = (s[STACK_LENGTH] == 0) ? S_CONFIRM_EPOCH : S_CONFIRM_ASSIGN;
			}
			case S_CONFIRM_ASSIGN -> {
				s[SEARCHING]++;
				assign(s, b, TASK, S_CONFIRM_DONE);
			}
			case S_CONFIRM_DONE -> {
				if (s[b + RESULT] == 1) {
					s[b + PC] = S_DONE;
				}
				else {
					call(s, b, SE_DECREMENT, S_HANDOFF_EMPTY);
				}
			}
			case S_CONFIRM_EPOCH -> {
				// FLAG: a search began or ended since the count was read.
				if (s[b + FLAG] == 0 || this.mutant == Mutant.NO_EPOCH_CHECK) {
					refuse(s, b);
				}
				else {
					s[b + PC] = S_HANDOFF_EMPTY;
				}
			}
			case S_DONE -> {
				return false;
			}
			// Worker: Worker.run, nextWork and idle.
			case W_RUN -> {
				// The task ends: nextWork, not searching.
				s[b + HOLD] = 0;
				s[b + FINISHING] = 1;
				s[b + FLAG] = 0;
				s[b + COUNTER] = 0;
				s[b + PC] = W_POLL;
			}
			case W_POLL -> {
				if (s[LINKED] > 0) {
					s[LINKED]--;
					boolean uncountFirst = this.mutant == Mutant.UNCOUNT_BEFORE_RELEASE && s[b + FLAG] == 1;
					s[b + PC] = uncountFirst ? W_RELEASE_AFTER_UNCOUNT : W_POLLED;
				}
				else {
					s[b + PC] = W_SIZE;
				}
			}
			case W_POLLED -> {
				// leftQueue: the place is given back, then the search ends.
				s[SIZE]--;
				s[b + HOLD] = 1;
				s[b + FINISHING] = 0;
				if (s[b + FLAG] == 1) {
					s[b + FLAG] = 0;
					s[b + CLEAR] = 1;
					call(s, b, SE_DECREMENT, W_START_RUN);
				}
				else {
					s[b + PC] = W_START_RUN;
				}
			}
			case W_RELEASE_AFTER_UNCOUNT -> {
				// Mutant: the search ends first (uncounted at once), then the place.
				s[b + FLAG] = 0;
				s[b + MARK] = 0;
				s[SEARCHING]--;
				s[b + PC] = W_POLLED;
			}
			case W_START_RUN -> {
				s[b + MARK] = 0;
				s[b + PC] = W_RUN;
			}
			case W_SIZE -> {
				if (s[SIZE] > 0 && ++s[b + COUNTER] < MISSES_BEFORE_IDLE) {
					s[b + PC] = W_POLL;
				}
				else {
					s[b + PC] = W_CLEAR_SLOT;
				}
			}
			case W_CLEAR_SLOT -> {
				s[this.slots + thread] = NULL;
				s[b + PC] = W_PUSH;
			}
			case W_PUSH -> {
				if (s[STACK_LENGTH] == this.stackMax) {
					throw new IllegalStateException("model bound: the idle stack outgrew " + this.stackMax);
				}
				s[STACK + s[STACK_LENGTH]++] = thread;
				s[b + MARK] = 1;
				s[b + FINISHING] = 0;
				if (s[b + FLAG] == 1) {
					s[b + FLAG] = 0;
					call(s, b, SE_DECREMENT, W_IDLE);
				}
				else {
					s[b + PC] = W_IDLE;
				}
			}
			case W_IDLE -> {
				boolean recheck = this.mutant != Mutant.NO_IDLE_RECHECK;
				s[b + PC] = (recheck && s[LINKED] > 0) ? W_SEARCH_STARTED : W_TRY_SPIN;
			}
			case W_SEARCH_STARTED -> {
				s[SEARCHING]++;
				s[b + PC] = W_LEAVE_IDLE;
			}
			case W_LEAVE_IDLE -> {
				if (s[this.slots + thread] == NULL) {
					s[this.slots + thread] = BUSY;
					s[b + PC] = W_REMOVE_TOP;
				}
				else {
					takeSlot(s, b, thread);
					call(s, b, SE_DECREMENT, W_DISPATCH);
				}
			}
			case W_REMOVE_TOP -> {
				int length = s[STACK_LENGTH];
				if (length > 0 && s[STACK + length - 1] == thread) {
					s[STACK_LENGTH]--;
				}
				s[b + WORK] = WAKE;
				s[b + PC] = W_DISPATCH;
			}
			case W_TRY_SPIN -> {
				if (this.spinning && s[SPINNING] < MAX_SPINNING) {
					s[SPINNING]++;
					s[b + PC] = W_SPIN_COUNTED;
				}
				else {
					s[b + PC] = W_PARK_LOOP;
				}
			}
			case W_SPIN_COUNTED -> {
				s[SEARCHING]++;
				s[b + COUNTER] = 0;
				s[b + PC] = W_SPIN;
			}
			case W_SPIN -> {
				if (s[this.slots + thread] != NULL || s[LINKED] > 0) {
					s[SPINNING]--;
					s[b + PC] = W_LEAVE_IDLE;
				}
				else if (++s[b + COUNTER] >= SPINS) {
					s[SPINNING]--;
					call(s, b, SE_DECREMENT, W_PARK_LOOP);
				}
			}
			case W_PARK_LOOP -> {
				if (s[this.slots + thread] != NULL) {
					takeSlot(s, b, thread);
					s[b + PC] = W_DISPATCH;
				}
				else {
					s[b + PC] = W_PARKED;
				}
			}
			case W_PARKED -> {
				if (s[this.slots + thread] == NULL) {
					return false;
				}
				s[b + PC] = W_PARK_LOOP;
			}
			case W_DISPATCH -> {
				boolean woken = s[b + WORK] == WAKE;
				s[b + WORK] = 0;
				if (woken) {
					s[b + FLAG] = 1;
					s[b + COUNTER] = 0;
					s[b + PC] = W_POLL;
				}
				else {
					s[b + CLEAR] = 1;
					call(s, b, SE_DECREMENT, W_START_RUN);
				}
			}
			// searchEnded
			case SE_DECREMENT -> {
				s[SEARCHING]--;
				if (s[SEARCHING] < 0) {
					throw new IllegalStateException("the searching count went below zero");
				}
				if (worker && s[b + CLEAR] == 1) {
					s[b + CLEAR] = 0;
					s[b + MARK] = 0;
				}
				s[b + PC] = SE_EMPTY;
			}
			case SE_EMPTY -> {
				if (s[STACK_LENGTH] == 0) {
					ret(s, b);
				}
				else {
					s[b + PC] = SE_COUNT;
				}
			}
			case SE_COUNT -> {
				if (s[SEARCHING] != 0) {
					ret(s, b);
				}
				else {
					s[b + PC] = SE_LINKED;
				}
			}
			case SE_LINKED -> {
				if (s[LINKED] == 0) {
					ret(s, b);
				}
				else {
					call(s, b, WI_COUNT, SE_RETURN);
				}
			}
			case SE_RETURN -> ret(s, b);
			// wakeIdleWorker
			case WI_COUNT -> {
				s[SEARCHING]++;
				assign(s, b, WAKE, WI_ASSIGNED);
			}
			case WI_ASSIGNED -> {
				if (s[b + RESULT] == 1) {
					ret(s, b);
				}
				else {
					s[b + PC] = WI_UNCOUNT;
				}
			}
			case WI_UNCOUNT -> {
				s[SEARCHING]--;
				s[b + PC] = WI_EMPTY;
			}
			case WI_EMPTY -> {
				if (s[STACK_LENGTH] == 0) {
					s[b + RESULT] = 0;
					ret(s, b);
				}
				else {
					s[b + PC] = WI_ZERO;
				}
			}
			case WI_ZERO -> {
				if (s[SEARCHING] != 0) {
					s[b + RESULT] = 0;
					ret(s, b);
				}
				else {
					s[b + PC] = WI_LINKED;
				}
			}
			case WI_LINKED -> {
				if (s[LINKED] == 0) {
					s[b + RESULT] = 0;
					ret(s, b);
				}
				else {
					s[b + PC] = WI_COUNT;
				}
			}
			// IdleWorkerStack.assign: pop nodes until a worker's slot CAS succeeds.
			case AS_POP -> {
				if (s[STACK_LENGTH] == 0) {
					s[b + RESULT] = 0;
					ret(s, b);
				}
				else {
					s[b + POPPED] = s[STACK + --s[STACK_LENGTH]];
					s[b + PC] = AS_CAS;
				}
			}
			case AS_CAS -> {
				int slot = this.slots + s[b + POPPED];
				if (s[slot] == NULL) {
					s[slot] = s[b + ASSIGN_VALUE];
					s[b + RESULT] = 1;
					ret(s, b);
				}
				else {
					s[b + PC] = AS_POP;
				}
			}
			default -> throw new IllegalStateException(
					(worker ? "worker " : "submitter ") + thread + " at unknown step " + s[b + PC]);
		}
		return true;
	}

	/** Takes what the slot holds (Worker.takeSlot): a task is then held. */
	private void takeSlot(int[] s, int b, int thread) {
		s[b + WORK] = s[this.slots + thread];
		s[this.slots + thread] = BUSY;
		if (s[b + WORK] == TASK) {
			s[b + HOLD] = 1;
		}
	}

	private static void refuse(int[] s, int b) {
		s[b + MARK] = 1;
		s[b + PC] = S_DONE;
	}

	private void assign(int[] s, int b, int value, int returnTo) {
		s[b + ASSIGN_VALUE] = value;
		call(s, b, AS_POP, returnTo);
	}

	private static void call(int[] s, int b, int pc, int returnTo) {
		int sp = s[b + SP];
		if (sp == 3) {
			throw new IllegalStateException("model bound: calls nested too deep");
		}
		s[b + RETURNS + sp] = returnTo;
		s[b + SP] = sp + 1;
		s[b + PC] = pc;
	}

	private static void ret(int[] s, int b) {
		int sp = s[b + SP] - 1;
		s[b + SP] = sp;
		s[b + PC] = s[b + RETURNS + sp];
		s[b + RETURNS + sp] = 0;
	}

	// -----------------------------------------------------------------------------------
	// The checks
	// -----------------------------------------------------------------------------------

	/**
	 * Workers idle (from the push on) or counted as searching: a worker stops being
	 * available when its count is given back with a task taken, or when it runs one.
	 */
	private int availableMask(int[] s) {
		int mask = 0;
		for (int w = 0; w < this.workers; w++) {
			if (s[base(w) + MARK] == 1) {
				mask |= 1 << w;
			}
		}
		return mask;
	}

	/**
	 * Narrows each dispatching submitter's record to what held throughout, and checks a
	 * refusal against it, twice. First, no worker was idle or counted throughout, and no
	 * place was free throughout. Second, exact capacity as a user sees it: a refusal is
	 * wrong if the pool had room (tasks held, queued or handed over fewer than workers
	 * plus places) at every step of the dispatch, unless a task ended meanwhile or a
	 * worker was between tasks at some step (finishing one, not yet idle): the race the
	 * design leaves to the submitter, as any pool does.
	 */
	private String checkAfterStep(int[] before, int[] after, int thread) {
		int available = availableMask(after);
		boolean placeFree = after[SIZE] < this.capacity;
		boolean taskEnded = thread < this.workers && before[base(thread) + PC] == W_RUN;
		boolean between = false;
		int occupancy = after[SIZE];
		for (int w = 0; w < this.workers; w++) {
			int b = base(w);
			between |= after[b + FINISHING] == 1;
			occupancy += after[b + HOLD] + ((after[this.slots + w] == TASK) ? 1 : 0);
		}
		boolean exempt = taskEnded || between || occupancy >= this.workers + this.capacity;
		boolean searchChanged = before[SEARCHING] != after[SEARCHING];
		for (int s = 0; s < this.submitters; s++) {
			int b = base(this.workers + s);
			int pc = after[b + PC];
			if (pc == S_START || before[b + PC] == S_DONE) {
				continue;
			}
			after[b + COUNTER] &= available;
			after[b + WORK] &= placeFree ? 1 : 0;
			after[b + HOLD] |= exempt ? 1 : 0;
			after[b + FLAG] |= searchChanged ? 1 : 0;
			if (after[b + MARK] == 1 && before[b + MARK] == 0) {
				if (after[b + HOLD] == 0) {
					return "submitter " + s + " was refused although the pool had room at every step of its dispatch, "
							+ "no task ended and no worker was between tasks";
				}
				if (after[b + COUNTER] != 0) {
					return "submitter " + s + " was refused while worker(s) "
							+ Integer.toBinaryString(after[b + COUNTER])
							+ " (bit per worker) were idle or searching throughout its dispatch";
				}
				if (after[b + WORK] == 1) {
					return "submitter " + s + " was refused while a queue place was free throughout its dispatch";
				}
			}
		}
		if (after[SIZE] < 0 || after[SIZE] > this.capacity || after[LINKED] > after[SIZE]) {
			return "the queue's places went wrong: size " + after[SIZE] + ", linked " + after[LINKED];
		}
		return null;
	}

	/** Once no thread can move, nothing may be left behind. */
	private String checkQuiet(int[] s) {
		if (s[LINKED] != 0 || s[SIZE] != 0) {
			return "stranded: " + s[LINKED] + " task(s) linked, " + s[SIZE] + " place(s) held, every worker parked";
		}
		if (s[SEARCHING] != 0) {
			return "the searching count is " + s[SEARCHING] + " with every worker parked";
		}
		for (int w = 0; w < this.workers; w++) {
			if (s[this.slots + w] != NULL) {
				return "worker " + w + " is parked with its slot filled";
			}
		}
		return null;
	}

	/** A state, and how it was reached (for the trace of a failure). */
	private final class State {

		/** The values, each small enough for a byte, packed to keep many states. */
		final byte[] values;

		final State previous;

		final int thread;

		State(int[] values, State previous, int thread) {
			this.values = new byte[values.length];
			for (int i = 0; i < values.length; i++) {
				if (values[i] != (byte) values[i]) {
					throw new IllegalStateException("model bound: a value does not fit a byte");
				}
				this.values[i] = (byte) values[i];
			}
			this.previous = previous;
			this.thread = thread;
		}

		int[] unpack() {
			int[] unpacked = new int[this.values.length];
			for (int i = 0; i < unpacked.length; i++) {
				unpacked[i] = this.values[i];
			}
			return unpacked;
		}

		String trace() {
			StringBuilder trace = new StringBuilder();
			for (State state = this; state.previous != null; state = state.previous) {
				int b = base(state.thread);
				String who = (state.thread < WakeProtocolModel.this.workers) ? "worker " + state.thread
						: "submitter " + (state.thread - WakeProtocolModel.this.workers);
				int[] values = state.unpack();
				trace.insert(0, who + " from pc " + state.previous.values[b + PC] + " -> size " + values[SIZE]
						+ ", linked " + values[LINKED] + ", searching " + values[SEARCHING] + ", stack "
						+ Arrays.toString(Arrays.copyOfRange(values, STACK, STACK + values[STACK_LENGTH])) + "\n");
			}
			return trace.toString();
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof State state && Arrays.equals(this.values, state.values);
		}

		@Override
		public int hashCode() {
			return Arrays.hashCode(this.values);
		}

	}

}
