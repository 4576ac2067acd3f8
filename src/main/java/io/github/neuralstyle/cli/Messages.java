package io.github.neuralstyle.cli;

/** One-line messages for exceptions that would otherwise print as class names or stack traces. */
final class Messages {

	private Messages() {}

	/** The message alone where it is meant for users, else the exception's class and message. */
	static String of(Throwable e) {
		String m = e.getMessage();
		if (m == null || m.isBlank()) return e.getClass().getSimpleName();
		boolean forUsers = e instanceof CliOptions.UsageException || e instanceof IllegalStateException || e instanceof IllegalArgumentException
			|| e instanceof java.io.IOException || e instanceof ArithmeticException;
		return forUsers ? m : e.getClass().getSimpleName() + ": " + m;
	}
}
