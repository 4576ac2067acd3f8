package io.github.neuralstyle.weights;

/** The weights file formats we read. */
public enum WeightsFormat {

	/** Keras HDF5 (.h5): one group per layer, HWIO kernels, Caffe input convention. */
	KERAS_H5(".h5"),

	/** safetensors with torchvision names ({@code features.N.weight}, OIHW). */
	SAFETENSORS(".safetensors"),

	/** NumPy .npz with torchvision names. */
	NPZ(".npz");

	private final String extension;

	WeightsFormat(String extension) {
		this.extension = extension;
	}

	/** The usual file extension, with the dot. */
	public String extension() {
		return extension;
	}

	/** A reader for this format. */
	public WeightsReader reader() {
		switch (this) {
			case KERAS_H5: return new KerasH5Reader();
			case SAFETENSORS: return new SafetensorsReader();
			default: return new NpzReader();
		}
	}
}
