package io.github.neuralstyle.weights;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.neuralstyle.engine.network.FloatTensor;
import io.github.neuralstyle.engine.network.VggWeights;

import java.util.Map;

import org.junit.jupiter.api.function.Executable;

/** Exact comparisons of weights and checks of error messages. */
final class ReaderAssertions {

	private ReaderAssertions() {}

	/** Same architecture, same names, shapes and bit-identical values. */
	static void assertSameTensors(VggWeights expected, VggWeights actual) {
		assertEquals(expected.architecture(), actual.architecture());
		assertEquals(expected.tensors().keySet(), actual.tensors().keySet());
		for (Map.Entry<String, FloatTensor> e : expected.tensors().entrySet()) {
			FloatTensor a = actual.tensors().get(e.getKey());
			assertArrayEquals(e.getValue().shape(), a.shape(), e.getKey());
			assertArrayEquals(e.getValue().data(), a.data(), e.getKey());
		}
	}

	/** The call throws an InvalidWeightsException whose message contains every fragment. */
	static InvalidWeightsException assertInvalid(Executable call, String... fragments) {
		InvalidWeightsException e = assertThrows(InvalidWeightsException.class, call);
		for (String f : fragments) {
			assertTrue(e.getMessage().contains(f), "message lacks '" + f + "': " + e.getMessage());
		}
		return e;
	}
}
