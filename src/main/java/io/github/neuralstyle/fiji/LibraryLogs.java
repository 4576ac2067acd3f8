package io.github.neuralstyle.fiji;

import java.lang.reflect.Method;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Quiets the libraries' own logging inside Fiji, where SLF4J goes to logback at INFO: jhdf logs
 * ~90 INFO lines per weights file read, and DJL logs at INFO and WARN (e.g. "Failed to detect
 * GPU count" on machines with CUDA libraries but no usable driver), which pops Fiji's Console
 * window up. Our own messages say what matters. Only logback loggers can be set; elsewhere
 * (plain SLF4J, tests) nothing changes.
 */
final class LibraryLogs {

	private LibraryLogs() {}

	/** jhdf and DJL at ERROR (jhdf also warns about harmless padding in Keras files). */
	static void quiet() {
		setLevel("io.jhdf", "ERROR");
		setLevel("ai.djl", "ERROR");
	}

	private static void setLevel(String name, String level) {
		Logger logger = LoggerFactory.getLogger(name);
		try {
			Class<?> levelClass = Class.forName("ch.qos.logback.classic.Level", true, logger.getClass().getClassLoader());
			Method set = logger.getClass().getMethod("setLevel", levelClass);
			set.invoke(logger, levelClass.getField(level).get(null));
		}
		catch (ReflectiveOperationException | LinkageError e) {
			// not logback: leave the logger as it is
		}
	}
}
