package io.github.neuralstyle.weights;

import io.github.neuralstyle.engine.network.VggArchitecture;

import java.net.URI;
import java.util.Locale;

/** The built-in pretrained VGG weights, each with a short id used by the command line and macros. */
public enum Model {

	/** Oxford VGG19 (Caffe) as shipped by Keras: the default, preferred for style transfer. */
	VGG19_CAFFE("vgg19-caffe", "https://storage.googleapis.com/tensorflow/keras-applications/vgg19/"
		+ "vgg19_weights_tf_dim_ordering_tf_kernels_notop.h5", WeightsFormat.KERAS_H5, VggArchitecture.VGG19,
		"253f8cb515780f3b799900260a226db6"),

	/** Oxford VGG16 (Caffe) as shipped by Keras. */
	VGG16_CAFFE("vgg16-caffe", "https://storage.googleapis.com/tensorflow/keras-applications/vgg16/"
		+ "vgg16_weights_tf_dim_ordering_tf_kernels_notop.h5", WeightsFormat.KERAS_H5, VggArchitecture.VGG16,
		"6d6bbae143d832006294945121d1f1fc"),

	/**
	 * torchvision's VGG19 (same weights as vgg19-dcbb9e9d.pth, BSD-3) from Hugging Face
	 * {@code timm/vgg19.tv_in1k}; only the ~80 MB convolution block is fetched.
	 */
	VGG19_TORCHVISION("vgg19-torchvision", "https://huggingface.co/timm/vgg19.tv_in1k/resolve/main/model.safetensors",
		WeightsFormat.SAFETENSORS, VggArchitecture.VGG19, null);

	/** The model used when none is named. */
	public static final Model DEFAULT = VGG19_CAFFE;

	private final String id;
	private final WeightsSource source;

	Model(String id, String url, WeightsFormat format, VggArchitecture architecture, String md5) {
		this.id = id;
		String fileName = format == WeightsFormat.SAFETENSORS ? id + "-features.safetensors"
			: url.substring(url.lastIndexOf('/') + 1);
		this.source = new WeightsSource(id, URI.create(url), fileName, format, architecture, md5);
	}

	/** The short id, e.g. {@code vgg19-caffe}. */
	public String id() {
		return id;
	}

	/** Where it is downloaded from and how it is verified. */
	public WeightsSource source() {
		return source;
	}

	/** The model with id {@code id} (case-insensitive; {@code _} and {@code -} alike), or null. */
	public static Model forId(String id) {
		if (id == null) return null;
		String normal = id.trim().toLowerCase(Locale.ROOT).replace('_', '-');
		for (Model m : values()) {
			if (m.id.equals(normal)) return m;
		}
		return null;
	}

	/** The ids of all models, for messages and choice lists. */
	public static String[] ids() {
		Model[] all = values();
		String[] ids = new String[all.length];
		for (int i = 0; i < all.length; i++) ids[i] = all[i].id;
		return ids;
	}
}
