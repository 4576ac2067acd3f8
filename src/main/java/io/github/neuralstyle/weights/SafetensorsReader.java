package io.github.neuralstyle.weights;

import io.github.neuralstyle.engine.network.FloatTensor;
import io.github.neuralstyle.engine.network.InputConvention;
import io.github.neuralstyle.engine.network.VggArchitecture;
import io.github.neuralstyle.engine.network.VggWeights;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads safetensors files with torchvision names. Pure Java: no code in the file is run, and
 * only the {@code features.*} convolutions are read (a file may hold the classifier too, or
 * end right after the features, as our partial download does).
 */
public class SafetensorsReader implements WeightsReader {

	@Override
	public VggWeights read(Path file) throws IOException {
		return ReadGuard.read(file, "safetensors", () -> readUnchecked(file));
	}

	private static VggWeights readUnchecked(Path file) throws IOException {
		String name = file.toString();
		try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
			long size = ch.size();
			if (size < 8) throw new InvalidWeightsException(name + " is not a safetensors file: only " + size + " bytes");
			long n = SafetensorsHeader.headerLength(name, readFully(ch, 0, 8));
			if (8 + n > size) {
				throw new InvalidWeightsException(name + " is truncated: its header needs " + n + " bytes, the file has " + size);
			}
			SafetensorsHeader header = SafetensorsHeader.parse(name, readFully(ch, 8, (int) n));
			long dataStart = 8 + n;
			VggArchitecture arch = TorchvisionNames.infer(name, header.entries().keySet());
			Map<String, FloatTensor> tensors = new LinkedHashMap<>();
			long total = 0;
			for (String t : TorchvisionNames.select(arch, header.entries().keySet())) {
				SafetensorsHeader.Entry e = header.entries().get(t);
				if (!"F32".equals(e.dtype)) {
					throw new InvalidWeightsException(name + ": tensor " + t + " is " + ReadGuard.printable(e.dtype, 20)
						+ ", expected F32 (convert with tensor.float() before saving)");
				}
				long values = Limits.count(e.shape);
				total = Limits.checkValues(name, t, values, total);
				if (dataStart + e.end > size) {
					throw new InvalidWeightsException(name + " is truncated: tensor " + t + " ends at byte "
						+ (dataStart + e.end) + ", the file has " + size);
				}
				ByteBuffer bytes = ByteBuffer.wrap(readFully(ch, dataStart + e.begin, (int) (e.end - e.begin)));
				float[] data = new float[(int) values];
				bytes.order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(data);
				tensors.put(t, new FloatTensor(e.shape, data));
			}
			return new VggWeights(arch, InputConvention.TORCHVISION, tensors, name);
		}
	}

	/** Reads exactly {@code length} bytes at {@code position}. */
	static byte[] readFully(FileChannel ch, long position, int length) throws IOException {
		ByteBuffer buf = ByteBuffer.allocate(length);
		while (buf.hasRemaining()) {
			int r = ch.read(buf, position + buf.position());
			if (r < 0) throw new EOFException("Unexpected end of file at byte " + (position + buf.position()));
		}
		return buf.array();
	}
}
