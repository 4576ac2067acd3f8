package io.github.neuralstyle.weights;

/**
 * Hard limits that keep a hostile or broken file from making us allocate gigabytes.
 * Full-width VGG19 needs 2,359,296 values in its largest convolution and 80 MB in all.
 */
final class Limits {

	/** Largest safetensors JSON header or .npy header we parse; real VGG headers are a few KB. */
	static final int MAX_HEADER_BYTES = 16 << 20;

	/** Largest single convolution tensor, in values (4× the largest VGG convolution). */
	static final long MAX_TENSOR_VALUES = 4L * 512 * 512 * 9;

	/** Largest total of all convolution tensors we read, in values (about 4× VGG19's). */
	static final long MAX_TOTAL_VALUES = 80L << 20;

	private Limits() {}

	/** Checks one tensor's value count against the limits, given the count read so far. */
	static long checkValues(String file, String tensor, long values, long totalSoFar) throws InvalidWeightsException {
		if (values < 0 || values > MAX_TENSOR_VALUES) {
			throw new InvalidWeightsException("Tensor " + tensor + " in " + file + " has " + values
				+ " values, more than any VGG convolution (limit " + MAX_TENSOR_VALUES + ")");
		}
		if (totalSoFar + values > MAX_TOTAL_VALUES) {
			throw new InvalidWeightsException("Weights in " + file + " exceed " + MAX_TOTAL_VALUES
				+ " values in total, more than any VGG network");
		}
		return totalSoFar + values;
	}

	/** The number of values in {@code shape}, or -1 on overflow or a negative dimension. */
	static long count(long[] shape) {
		long n = 1;
		for (long d : shape) {
			if (d < 0) return -1;
			if (d != 0 && n > Long.MAX_VALUE / d) return -1;
			n *= d;
		}
		return n;
	}
}
