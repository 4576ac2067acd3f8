package io.github.neuralstyle.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.neuralstyle.testsupport.SyntheticVgg;
import io.github.neuralstyle.testsupport.WeightsFixtures;
import io.github.neuralstyle.weights.InvalidWeightsException;
import io.github.neuralstyle.weights.WeightsFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Random mutations (bit flips, overwritten runs, insertions, truncations, extreme integers,
 * edits of the safetensors JSON) of small valid safetensors, Keras .h5 and .npz files, read with
 * {@link WeightsFiles#read}. Fixed seeds, a fixed number of cases per format, cut off after 3 s. Every outcome must be weights
 * or an {@link InvalidWeightsException} whose message names the file and shows no Java
 * internals; no other exception, no error, no read longer than 5 s.
 */
class WeightsReaderFuzzTest {

	private static final long BUDGET_NANOS = 3_000_000_000L;

	private static final ExecutorService READER = Executors.newSingleThreadExecutor(r -> {
		Thread t = new Thread(r, "fuzz-reader");
		t.setDaemon(true);
		return t;
	});

	@TempDir
	Path dir;

	@AfterAll
	static void stopReader() {
		READER.shutdownNow();
	}

	@Test
	void safetensors() throws IOException {
		byte[] valid = WeightsFixtures.safetensors(SyntheticVgg.vgg19(32, 8), WeightsFixtures.head(64), false);
		long headerEnd = 8 + ByteBuffer.wrap(valid, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
		fuzz("safetensors", valid, (int) headerEnd, 0x5AFE, 200);
	}

	@Test
	void kerasH5() throws IOException {
		byte[] valid = Files.readAllBytes(WeightsFixtures.resource("keras_vgg19_d32.h5"));
		fuzz("h5", valid, Math.min(valid.length, 4096), 0x4D5, 80);
	}

	@Test
	void npz() throws IOException {
		byte[] valid = WeightsFixtures.npz(SyntheticVgg.vgg19(32, 9));
		fuzz("npz", valid, Math.min(valid.length, 2048), 0x2E9, 200);
	}

	/** Reads up to {@code maxCases} mutants of {@code valid} within the time budget; {@code structure} bytes at the start are mutated most. */
	private void fuzz(String extension, byte[] valid, int structure, long seed, int maxCases) throws IOException {
		// The unmutated file must read, or every case below would be a refusal for the wrong reason.
		Path control = dir.resolve("valid." + extension);
		Files.write(control, valid);
		assertEquals(16, WeightsFiles.read(control).convolutionsPresent());
		Random random = new Random(seed);
		long t0 = System.nanoTime();
		int cases = 0;
		int refused = 0;
		while (cases < maxCases && System.nanoTime() - t0 < BUDGET_NANOS) {
			String[] how = new String[1];
			byte[] mutant = mutate(valid, structure, random, how);
			Path file = dir.resolve("mutant-" + cases + "." + extension);
			Files.write(file, mutant);
			String context = extension + " case " + cases + " (seed " + seed + ", " + how[0] + ")";
			Throwable t = read(file, context);
			if (t != null) {
				refused++;
				if (!(t instanceof InvalidWeightsException)) fail(context + ": " + t, t);
				String m = t.getMessage();
				assertTrue(m.contains(file.toString()), context + ": message does not name the file: " + m);
				WeightsCacheFixture.assertCleanMessage(m);
			}
			assertTrue(Arrays.equals(mutant, Files.readAllBytes(file)), context + ": the file was changed");
			Files.delete(file);
			cases++;
		}
		assertTrue(cases >= 10, "only " + cases + " cases in the time budget");
		assertTrue(refused > 0, "no mutant was refused: the mutations do not reach the structure");
	}

	/** What reading {@code file} threw (null if it read), failing on a read that does not end within 5 s. */
	private static Throwable read(Path file, String context) {
		Future<?> f = READER.submit(() -> {
			WeightsFiles.read(file);
			return null;
		});
		try {
			f.get(5, TimeUnit.SECONDS);
			return null;
		}
		catch (ExecutionException e) {
			return e.getCause();
		}
		catch (TimeoutException e) {
			f.cancel(true);
			return fail(context + ": the read did not end within 5 s");
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return fail(context + ": interrupted");
		}
	}

	/** One random mutation of {@code valid}; {@code how[0]} says which, for failure messages. */
	private static byte[] mutate(byte[] valid, int structure, Random r, String[] how) {
		byte[] b = valid.clone();
		// Two thirds of the mutations hit the structure (headers, offsets), the rest anywhere (zip directories sit at the end).
		int span = r.nextInt(3) < 2 ? structure : b.length;
		int at = r.nextInt(span);
		switch (r.nextInt(7)) {
			case 0: {
				int n = 1 + r.nextInt(4);
				for (int i = 0; i < n; i++) {
					int p = r.nextInt(span);
					b[p] ^= (byte) (1 << r.nextInt(8));
				}
				how[0] = n + " bit flips";
				return b;
			}
			case 1: {
				int n = 1 + r.nextInt(16);
				for (int i = at; i < Math.min(b.length, at + n); i++) b[i] = (byte) r.nextInt(256);
				how[0] = n + " random bytes at " + at;
				return b;
			}
			case 2: {
				int len = r.nextInt(b.length);
				how[0] = "truncated to " + len;
				return Arrays.copyOf(b, len);
			}
			case 3: {
				byte[] extreme = { (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0x7F, 0, 0, 0, (byte) 0x80 };
				int n = r.nextBoolean() ? 4 : 8;
				for (int i = 0; i < n && at + i < b.length; i++) b[at + i] = extreme[(i + r.nextInt(2) * 4) % 8];
				how[0] = "extreme " + n + "-byte integer at " + at;
				return b;
			}
			case 4: {
				byte[] insert = new byte[1 + r.nextInt(8)];
				r.nextBytes(insert);
				byte[] out = new byte[b.length + insert.length];
				System.arraycopy(b, 0, out, 0, at);
				System.arraycopy(insert, 0, out, at, insert.length);
				System.arraycopy(b, at, out, at + insert.length, b.length - at);
				how[0] = insert.length + " bytes inserted at " + at;
				return out;
			}
			case 5: {
				// JSON-ish edits: meaningful to safetensors headers, plain byte changes elsewhere.
				String tokens = "[]{}\",:-.0123456789eE ";
				int p = 8 + r.nextInt(Math.max(1, structure - 8));
				b[Math.min(p, b.length - 1)] = (byte) tokens.charAt(r.nextInt(tokens.length()));
				how[0] = "token at " + p;
				return b;
			}
			default: {
				int from = r.nextInt(structure);
				int len = 1 + r.nextInt(Math.max(1, Math.min(64, structure - from)));
				int to = r.nextInt(b.length - len);
				System.arraycopy(valid, from, b, to, len);
				how[0] = len + " bytes copied from " + from + " to " + to;
				return b;
			}
		}
	}

}
