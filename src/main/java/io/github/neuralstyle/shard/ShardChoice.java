package io.github.neuralstyle.shard;

import java.util.function.Function;

/**
 * Which shard this process runs: {@code --shard i/n} if given, else SLURM's array variables
 * ({@code SLURM_ARRAY_TASK_ID} / {@code SLURM_ARRAY_TASK_COUNT}, counted from
 * {@code SLURM_ARRAY_TASK_MIN} in steps of {@code SLURM_ARRAY_TASK_STEP}), else the whole run.
 *
 * @param shard the shard to run
 * @param note  what the user should know about the choice (the option overriding a different SLURM task), or null
 */
public record ShardChoice(Shard shard, String note) {

	/** SLURM's variable for this task's array index. */
	public static final String TASK_ID = "SLURM_ARRAY_TASK_ID";

	/** SLURM's variable for the number of tasks in the array. */
	public static final String TASK_COUNT = "SLURM_ARRAY_TASK_COUNT";

	/**
	 * The shard for {@code option} (the text of {@code --shard}, or null) and the environment {@code env}.
	 *
	 * @throws IllegalArgumentException naming the bad option or variable and the fix
	 */
	public static ShardChoice resolve(String option, Function<String, String> env) {
		return resolve("--shard", option, env);
	}

	/**
	 * As {@link #resolve(String, Function)} for an option the user writes as {@code key} ("--shard"
	 * on the command line, "shard=" in a Fiji macro), which errors and notes name.
	 */
	public static ShardChoice resolve(String key, String option, Function<String, String> env) {
		if (option == null) {
			Shard fromSlurm = slurm(key, env);
			return new ShardChoice(fromSlurm == null ? Shard.ALL : fromSlurm, null);
		}
		Shard shard = Shard.parse(key, option);
		Shard fromSlurm;
		try {
			fromSlurm = slurm(key, env);
		}
		catch (IllegalArgumentException e) {
			fromSlurm = null;
		}
		String id = env.apply(TASK_ID);
		boolean differs = id != null && !id.isBlank() && !shard.equals(fromSlurm);
		String note = differs ? written(key, shard.toString()) + " is used; " + TASK_ID + "=" + id + " and " + TASK_COUNT + "="
			+ env.apply(TASK_COUNT) + " are ignored" : null;
		return new ShardChoice(shard, note);
	}

	/** Whether SLURM's array variables are set: this process is an array task. */
	public static boolean inArray(Function<String, String> env) {
		String id = env.apply(TASK_ID);
		return id != null && !id.isBlank();
	}

	/** "--shard 0/4" or "shard=0/4": the option as the user writes it. */
	public static String written(String key, String value) {
		return key.endsWith("=") ? key + value : key + " " + value;
	}

	/** The shard SLURM's variables name, or null outside an array job; errors suggest {@code key}. */
	static Shard slurm(String key, Function<String, String> env) {
		String id = env.apply(TASK_ID);
		if (id == null || id.isBlank()) return null;
		int task = number(key, env, TASK_ID, 0);
		int min = number(key, env, "SLURM_ARRAY_TASK_MIN", 0);
		int step = Math.max(1, number(key, env, "SLURM_ARRAY_TASK_STEP", 1));
		// Versions before SLURM 18.08 set no count: the range gives it.
		int max = number(key, env, "SLURM_ARRAY_TASK_MAX", -1);
		int count = number(key, env, TASK_COUNT, max < min ? -1 : (max - min) / step + 1);
		int index = (task - min) / step;
		if (count < 1 || task < min || (task - min) % step != 0 || index >= count) {
			throw new IllegalArgumentException(TASK_ID + "=" + task + " (of " + TASK_COUNT + "=" + env.apply(TASK_COUNT)
				+ ") is not one of evenly spaced array tasks, so it names no shard: submit with --array=0-(n-1)"
				+ " (a %limit is fine) or give " + written(key, "i/n") + " yourself");
		}
		return new Shard(index, count);
	}

	/** The variable's whole number, {@code otherwise} if unset. */
	private static int number(String key, Function<String, String> env, String name, int otherwise) {
		String v = env.apply(name);
		if (v == null || v.isBlank()) return otherwise;
		try {
			return Integer.parseInt(v.trim());
		}
		catch (NumberFormatException e) {
			throw new IllegalArgumentException("the environment variable " + name + "=" + v + " is not a whole number:"
				+ " unset it, or give " + written(key, "i/n"));
		}
	}
}
