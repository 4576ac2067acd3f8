package io.github.neuralstyle.engine.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.jna.Platform;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class NnpackTest {

	@Test
	void libtorchReportsNnpackOffOnceTheEngineHasStarted() {
		assumeTrue(Platform.isLinux(), "the switch finds libtorch through /proc/self/maps");
		Devices.resolve(DeviceChoice.CPU);
		// Read back through libtorch's own getter, so a wrong symbol or argument, or a resolve
		// that no longer switches it off, would show.
		assertEquals(Optional.of(false), Nnpack.enabled());
		assertTrue(Nnpack.disable());
	}
}
