package io.github.neuralstyle.weights;

import io.github.neuralstyle.engine.network.VggArchitecture;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/**
 * Where a model's weights are downloaded from and how the download is verified: by md5 for
 * files with a published hash, by structure (names, shapes, dtypes, lengths) otherwise.
 * Safetensors sources are fetched only up to the end of their {@code features.*} block.
 */
public final class WeightsSource {

	private final String id;
	private final URI url;
	private final String fileName;
	private final WeightsFormat format;
	private final VggArchitecture architecture;
	private final String md5;
	private final boolean fullWidth;

	/**
	 * Creates a source.
	 *
	 * @param id short name, e.g. {@code vgg19-caffe}
	 * @param url where to download from
	 * @param fileName the file name in the cache folder
	 * @param format the file format
	 * @param architecture the architecture the file must hold, all convolutions present
	 * @param md5 the expected md5 of the whole file in hex, or null to verify by structure
	 */
	public WeightsSource(String id, URI url, String fileName, WeightsFormat format, VggArchitecture architecture, String md5) {
		this(id, url, fileName, format, architecture, md5, true);
	}

	private WeightsSource(String id, URI url, String fileName, WeightsFormat format, VggArchitecture architecture, String md5,
		boolean fullWidth)
	{
		this.id = Objects.requireNonNull(id);
		this.url = Objects.requireNonNull(url);
		this.fileName = Objects.requireNonNull(fileName);
		this.format = Objects.requireNonNull(format);
		this.architecture = Objects.requireNonNull(architecture);
		this.md5 = md5 == null ? null : md5.toLowerCase(Locale.ROOT);
		this.fullWidth = fullWidth;
		if (fileName.contains("/") || fileName.contains("\\") || fileName.startsWith(".")) {
			throw new IllegalArgumentException("Not a plain file name: " + fileName);
		}
	}

	/** The short name. */
	public String id() {
		return id;
	}

	/** The download URL. */
	public URI url() {
		return url;
	}

	/** The file name in the cache folder. */
	public String fileName() {
		return fileName;
	}

	/** The file format. */
	public WeightsFormat format() {
		return format;
	}

	/** The architecture the file must hold. */
	public VggArchitecture architecture() {
		return architecture;
	}

	/** The expected md5 in lower-case hex, or null when verified by structure. */
	public String md5() {
		return md5;
	}

	/** The same source downloaded from another URL (mirrors, tests). */
	public WeightsSource withUrl(URI newUrl) {
		return new WeightsSource(id, newUrl, fileName, format, architecture, md5, fullWidth);
	}

	/** The same source with another expected md5 (tests). */
	public WeightsSource withMd5(String newMd5) {
		return new WeightsSource(id, url, fileName, format, architecture, newMd5, fullWidth);
	}

	/** Whether the file must have VGG's full channel counts (64 … 512); true unless changed for tests. */
	public boolean fullWidth() {
		return fullWidth;
	}

	/** The same source accepting any channel counts: for tests with narrow synthetic networks. */
	public WeightsSource anyWidth() {
		return new WeightsSource(id, url, fileName, format, architecture, md5, false);
	}

	@Override
	public String toString() {
		return id + " (" + url + ")";
	}
}
