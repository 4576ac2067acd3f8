package io.github.neuralstyle.reliability;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.neuralstyle.files.ImageFileReader;
import io.github.neuralstyle.testsupport.ImageFileFixtures;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random mutations (fixed seed, bounded count and time) of small valid PNG, TIFF and JPEG files
 * through the one image reader: each either reads or fails with an {@link IOException} whose one
 * line names the file, within seconds, and nothing is printed (no stack traces from ImageJ).
 */
class ImageReaderFuzzTest {

	private static final int MUTANTS = 400;
	private static final long BUDGET_NANOS = TimeUnit.SECONDS.toNanos(60);

	@TempDir
	Path dir;

	@Test
	void mutatedFilesReadOrFailWithAMessage() throws Exception {
		List<Path> seeds = List.of(ImageFileFixtures.rgbPng(dir.resolve("rgb.png")),
			ImageFileFixtures.grey8(dir.resolve("g8.png"), "png"), ImageFileFixtures.grey16(dir.resolve("g16.png")),
			ImageFileFixtures.greyAlpha(dir.resolve("ga.png")), ImageFileFixtures.grey8(dir.resolve("g8.tif"), "tiff"),
			ImageFileFixtures.float32(dir.resolve("f32.tif")), ImageFileFixtures.stack(dir.resolve("stack.tif")),
			ImageFileFixtures.exifJpeg(dir.resolve("exif.jpg"), 6), ImageFileFixtures.cmykJpeg(dir.resolve("cmyk.jpg"), 0));
		Random random = new Random(20261128);
		ExecutorService reader = Executors.newSingleThreadExecutor(r -> {
			Thread t = new Thread(r, "fuzz-reader");
			t.setDaemon(true); // a hung decoder must not keep the test JVM alive
			return t;
		});
		PrintStream out = System.out, err = System.err;
		ByteArrayOutputStream printed = new ByteArrayOutputStream();
		PrintStream capture = new PrintStream(printed, true, StandardCharsets.UTF_8);
		long start = System.nanoTime();
		int done = 0, read = 0;
		List<String> failures = new ArrayList<>();
		System.setOut(capture);
		System.setErr(capture);
		try {
			for (; done < MUTANTS && System.nanoTime() - start < BUDGET_NANOS; done++) {
				Path seed = seeds.get(done % seeds.size());
				String name = seed.getFileName().toString();
				Path mutant = dir.resolve("m" + done + name.substring(name.lastIndexOf('.')));
				String how = mutate(Files.readAllBytes(seed), random, mutant);
				Future<?> f = reader.submit(() -> {
					ImageFileReader.read(mutant, "content image", 64);
					return null;
				});
				try {
					f.get(20, TimeUnit.SECONDS);
					read++;
				}
				catch (TimeoutException e) {
					f.cancel(true);
					fail("hung on " + name + " " + how);
				}
				catch (java.util.concurrent.ExecutionException e) {
					String problem = problem(e.getCause(), mutant);
					if (problem != null) failures.add(name + " " + how + ": " + problem);
				}
				Files.delete(mutant);
			}
		}
		finally {
			System.setOut(out);
			System.setErr(err);
			reader.shutdownNow();
		}
		assertTrue(failures.isEmpty(), failures.size() + " bad outcomes:\n" + String.join("\n", failures));
		String p = printed.toString(StandardCharsets.UTF_8);
		assertFalse(p.contains("\tat "), "stack traces were printed:\n" + p);
		assertTrue(done >= 100, "too few mutants in the time budget: " + done);
		assertTrue(read > 0 && read < done, "mutants should both read and fail: " + read + " of " + done);
	}

	/** Null when {@code e} is a proper refusal: an IOException of one line naming the file, without class names. */
	private static String problem(Throwable e, Path file) {
		if (!(e instanceof IOException)) return e.toString();
		String m = e.getMessage();
		if (m == null || !m.contains(file.toString())) return "message does not name the file: " + m;
		if (m.contains("\n") || m.matches(".*\\b(java|javax|sun|ij)\\.[a-z.]*[A-Z]\\w*.*")) return "not a clean one-line message: " + m;
		return null;
	}

	/** Writes a mutation of {@code bytes} to {@code to}; returns what was done, for failure messages. */
	private static String mutate(byte[] bytes, Random r, Path to) throws IOException {
		byte[] b = bytes.clone();
		String how;
		switch (r.nextInt(5)) {
			case 0: {
				int n = 1 + r.nextInt(8);
				for (int i = 0; i < n; i++) b[r.nextInt(b.length)] ^= (byte) (1 << r.nextInt(8));
				how = "with " + n + " bits flipped";
				break;
			}
			case 1: {
				int at = r.nextInt(b.length);
				b = Arrays.copyOf(b, at);
				how = "cut at byte " + at;
				break;
			}
			case 2: {
				int at = r.nextInt(Math.max(1, b.length - 4));
				int[] extremes = { 0, -1, Integer.MAX_VALUE, Integer.MIN_VALUE, 65535, 1 << 20 };
				int v = extremes[r.nextInt(extremes.length)];
				for (int i = 0; i < 4 && at + i < b.length; i++) b[at + i] = (byte) (v >>> (24 - 8 * i));
				how = "with " + v + " written at byte " + at;
				break;
			}
			case 3: {
				int at = r.nextInt(Math.min(b.length, 64));
				b[at] = (byte) r.nextInt(256);
				how = "with header byte " + at + " set to " + (b[at] & 0xff);
				break;
			}
			default: {
				int from = r.nextInt(b.length), len = Math.min(b.length - from, 1 + r.nextInt(64));
				byte[] longer = new byte[b.length + len];
				System.arraycopy(b, 0, longer, 0, from + len);
				System.arraycopy(b, from, longer, from + len, b.length - from);
				b = longer;
				how = "with bytes " + from + "+" + len + " repeated";
			}
		}
		Files.write(to, b);
		return how;
	}
}
