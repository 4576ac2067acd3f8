package io.github.neuralstyle.weights;

import io.github.neuralstyle.engine.network.FloatTensor;
import io.github.neuralstyle.engine.network.InputConvention;
import io.github.neuralstyle.engine.network.VggArchitecture;
import io.github.neuralstyle.engine.network.VggWeights;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Reads NumPy .npz archives (as written by {@code numpy.savez}) with torchvision names, e.g.
 * {@code features.0.weight.npy}. Only little-endian float32/float64 C-order arrays are read;
 * object arrays (which would need pickle) are refused.
 */
public class NpzReader implements WeightsReader {

	private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
	private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
	private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

	@Override
	public VggWeights read(Path file) throws IOException {
		return ReadGuard.read(file, ".npz", () -> readUnchecked(file));
	}

	private static VggWeights readUnchecked(Path file) throws IOException {
		String name = file.toString();
		try (ZipFile zip = new ZipFile(file.toFile())) {
			Map<String, ZipEntry> entries = new LinkedHashMap<>();
			for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements();) {
				ZipEntry entry = e.nextElement();
				String n = entry.getName();
				entries.put(n.endsWith(".npy") ? n.substring(0, n.length() - 4) : n, entry);
			}
			VggArchitecture arch = TorchvisionNames.infer(name, entries.keySet());
			Map<String, FloatTensor> tensors = new LinkedHashMap<>();
			long total = 0;
			for (String t : TorchvisionNames.select(arch, entries.keySet())) {
				try (InputStream in = zip.getInputStream(entries.get(t))) {
					FloatTensor tensor = readNpy(name + ":" + t, in, total);
					total += tensor.size();
					tensors.put(t, tensor);
				}
			}
			return new VggWeights(arch, InputConvention.TORCHVISION, tensors, name);
		}
		catch (java.util.zip.ZipException e) {
			throw new InvalidWeightsException(name + " is not a valid .npz (zip) archive: " + e.getMessage(), e);
		}
	}

	/** Reads one .npy array as float32, checking its header against the limits. */
	static FloatTensor readNpy(String what, InputStream stream, long totalSoFar) throws IOException {
		DataInputStream in = new DataInputStream(stream);
		byte[] magic = new byte[6];
		in.readFully(magic);
		if ((magic[0] & 0xff) != 0x93 || !"NUMPY".equals(new String(magic, 1, 5, StandardCharsets.ISO_8859_1))) {
			throw new InvalidWeightsException(what + " is not a .npy array");
		}
		int major = in.readUnsignedByte();
		in.readUnsignedByte();
		byte[] lenBytes = new byte[major == 1 ? 2 : 4];
		in.readFully(lenBytes);
		long headerLen = 0;
		for (int i = lenBytes.length - 1; i >= 0; i--) headerLen = (headerLen << 8) | (lenBytes[i] & 0xff);
		if (headerLen > Limits.MAX_HEADER_BYTES) throw new InvalidWeightsException(what + ": .npy header too large");
		byte[] header = new byte[(int) headerLen];
		in.readFully(header);
		String h = new String(header, StandardCharsets.ISO_8859_1);
		Matcher descr = DESCR.matcher(h);
		Matcher fortran = FORTRAN.matcher(h);
		Matcher shapeM = SHAPE.matcher(h);
		if (!descr.find() || !fortran.find() || !shapeM.find()) {
			throw new InvalidWeightsException(what + ": unreadable .npy header " + ReadGuard.printable(h.trim(), 120));
		}
		if ("True".equals(fortran.group(1))) {
			throw new InvalidWeightsException(what + " is in Fortran order; save it with numpy.ascontiguousarray");
		}
		List<Long> dims = new ArrayList<>();
		for (String d : shapeM.group(1).split(",")) {
			if (d.isBlank()) continue;
			try {
				dims.add(Long.parseLong(d.trim()));
			}
			catch (NumberFormatException e) {
				throw new InvalidWeightsException(what + ": the shape in its .npy header, (" + shapeM.group(1)
					+ "), is not a list of whole numbers");
			}
		}
		long[] shape = dims.stream().mapToLong(Long::longValue).toArray();
		long values = Limits.count(shape);
		Limits.checkValues(what, what, values, totalSoFar);
		float[] data = new float[(int) values];
		switch (descr.group(1)) {
			case "<f4": {
				byte[] raw = new byte[data.length * 4];
				in.readFully(raw);
				ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(data);
				break;
			}
			case "<f8": {
				byte[] raw = new byte[data.length * 8];
				in.readFully(raw);
				ByteBuffer b = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
				for (int i = 0; i < data.length; i++) data[i] = (float) b.getDouble();
				break;
			}
			default:
				throw new InvalidWeightsException(what + " has dtype " + descr.group(1) + " " + Arrays.toString(shape)
					+ ", expected little-endian float32 ('<f4')");
		}
		return new FloatTensor(shape, data);
	}
}
