package io.github.neuralstyle.weights;

import io.github.neuralstyle.engine.network.InputConvention;
import io.github.neuralstyle.engine.network.VggArchitecture;
import io.github.neuralstyle.engine.network.VggWeights;
import io.github.neuralstyle.testsupport.LoopbackServer;
import io.github.neuralstyle.testsupport.SyntheticVgg;
import io.github.neuralstyle.testsupport.WeightsFixtures;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A loopback server serving a synthetic Keras .h5 and a synthetic safetensors file (channels / 16), and a provider over a temp cache. */
final class DownloadFixture implements AutoCloseable {

	/** One progress call. */
	static final class Event {
		final long bytes;
		final long total;
		final double rate;

		Event(long bytes, long total, double rate) {
			this.bytes = bytes;
			this.total = total;
			this.rate = rate;
		}
	}

	final LoopbackServer server;
	final Path cacheDir;
	final VggWeights kerasWeights = SyntheticVgg.create(VggArchitecture.VGG19, InputConvention.CAFFE, 16, 11, 16);
	final VggWeights torchWeights = SyntheticVgg.vgg19(16, 12);
	final byte[] keras;
	final byte[] safetensors;
	final LoopbackServer.Resource kerasResource;
	final LoopbackServer.Resource safetensorsResource;
	final WeightsSource kerasSource;
	final WeightsSource safetensorsSource;
	final List<Event> events = new CopyOnWriteArrayList<>();
	final List<String> statuses = new CopyOnWriteArrayList<>();
	final DownloadListener listener = new DownloadListener() {
		@Override
		public void progress(String url, long bytes, long total, double bytesPerSecond) {
			events.add(new Event(bytes, total, bytesPerSecond));
		}

		@Override
		public void status(String message) {
			statuses.add(message);
		}
	};

	DownloadFixture(Path cacheDir) throws IOException {
		this.cacheDir = cacheDir;
		Path h5 = Files.createTempFile(cacheDir.getParent(), "keras", ".h5");
		WeightsFixtures.writeKeras(kerasWeights, h5);
		keras = Files.readAllBytes(h5);
		String md5 = Checksums.hex("MD5", h5);
		Files.delete(h5);
		// The classifier after the features makes the file much longer than the block we fetch.
		safetensors = WeightsFixtures.safetensors(torchWeights, WeightsFixtures.head(100_000), false);
		server = LoopbackServer.start();
		kerasResource = server.serve("/keras/vgg19_notop.h5", keras);
		safetensorsResource = server.serve("/timm/model.safetensors", safetensors);
		kerasSource = Model.VGG19_CAFFE.source().withUrl(server.url("/keras/vgg19_notop.h5")).withMd5(md5)
			.anyWidth();
		safetensorsSource = Model.VGG19_TORCHVISION.source().withUrl(server.url("/timm/model.safetensors")).anyWidth();
	}

	/** Loopback HTTP allowed, short timeouts, 3 quick attempts. */
	static Downloader.Options options() {
		return new Downloader.Options().allowLoopbackHttp(true).timeouts(2_000, 1_000).attempts(3, 10);
	}

	DefaultWeightsProvider provider() {
		return provider(options());
	}

	DefaultWeightsProvider provider(Downloader.Options options) {
		return new DefaultWeightsProvider(new WeightsCache(cacheDir), new Downloader(options));
	}

	/** Where the data block of the served safetensors file starts (8 + header length). */
	long safetensorsDataStart() {
		return 8 + ByteBuffer.wrap(safetensors, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
	}

	/** Bytes of float32 features in the synthetic network. */
	long featureBytes() {
		return torchWeights.tensors().values().stream().mapToLong(t -> 4L * t.size()).sum();
	}

	@Override
	public void close() {
		server.close();
	}
}
