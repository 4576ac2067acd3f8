package io.github.neuralstyle.engine.platform;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;

/** Resolves a {@link DeviceChoice} to a DJL device on the PyTorch engine. */
public final class Devices {

	/** The DJL engine name everything here runs on. */
	public static final String ENGINE = "PyTorch";

	/** DJL reads this when the engine starts; fixed input shapes per scale make cuDNN's autotuning pay off. */
	static final String CUDNN_BENCHMARK = "ai.djl.pytorch.cudnn_benchmark";

	static {
		configureEngine();
	}

	private Devices() {}

	/**
	 * Turns on cuDNN's convolution autotuning unless the user set the property (every step of a
	 * scale has the same shapes, so the one-off search is repaid within a few steps) and libtorch's
	 * huge-page CPU allocation ({@link HugePages}). Neither has an effect once the engine has started.
	 */
	public static void configureEngine() {
		if (System.getProperty(CUDNN_BENCHMARK) == null) System.setProperty(CUDNN_BENCHMARK, "true");
		HugePages.enable();
	}

	/**
	 * Lets freed blocks of 1 MiB or more go back to the system at once ({@link MmapThreshold}), for a
	 * run whose memory, not its speed, is the limit (a tiled run: its windows' activations come and go
	 * every tile); the returned action sets the threshold glibc would have reached by itself. A
	 * user's {@code MALLOC_MMAP_THRESHOLD_} is left alone.
	 */
	public static Runnable returnFreedMemory() {
		if (!MmapThreshold.set(MmapThreshold.TILED)) return () -> {};
		return () -> MmapThreshold.set(MmapThreshold.USUAL);
	}

	/** The engine's root manager on {@code device}: its managed arrays are every array not yet freed there. */
	public static NDManager systemManager(Device device) {
		try (NDManager probe = NDManager.newBaseManager(device, ENGINE)) {
			return probe.getParentManager();
		}
	}

	/** The device for {@code choice}; GPU fails with a clear message when none is visible. */
	public static Device resolve(DeviceChoice choice) {
		int gpus = Engine.getEngine(ENGINE).getGpuCount();
		Nnpack.disableOnce();
		switch (choice) {
			case CPU:
				return Device.cpu();
			case GPU:
				if (gpus == 0) {
					throw new IllegalStateException("device=gpu, but PyTorch sees no GPU on this machine: use device=auto or "
						+ "device=cpu, or install a CUDA build of libtorch (see docs/gpu.md)");
				}
				return Device.gpu();
			default:
				return gpus > 0 ? Device.gpu() : Device.cpu();
		}
	}
}
