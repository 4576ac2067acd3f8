package io.github.neuralstyle.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.neuralstyle.files.ImageFiles;
import io.github.neuralstyle.shard.Shard;
import io.github.neuralstyle.testsupport.CliInputs;
import io.github.neuralstyle.testsupport.CliRun;
import io.github.neuralstyle.testsupport.SyntheticMotion;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --shard} on the command line: shards of a folder and of a list file write disjoint sets
 * of frames that together are the whole sequence, {@code --missing} names what is left and the
 * shard that owns it, SLURM's variables name the shard unless {@code --shard} does, and bad
 * shards, a TIFF output and bad list files are refused with the fix.
 */
class ShardCliTest {

	@TempDir
	static Path dir;
	static CliInputs in;
	static Path frames;

	@BeforeAll
	static void files() throws IOException {
		in = CliInputs.in(dir);
		frames = Files.createDirectories(dir.resolve("frames"));
		int i = 0;
		for (var f : SyntheticMotion.drift(24, 18, 5, 1, 0.5)) ImageFiles.write(f, frames.resolve("t" + (i++) + ".png"));
	}

	@Test
	void shardsOfAFolderWriteDisjointFramesThatTogetherAreTheSequence() throws IOException {
		Path out = dir.resolve("sharded");
		CliRun missingAll = CliRun.of(args(frames, out, "--missing", "--shard", "0/2"));
		assertEquals(Main.FAILED, missingAll.exit(), missingAll::toString);
		assertTrue(missingAll.out().contains("5 of 5 frames missing") && missingAll.out().contains("submit shards 0,1 again"),
			missingAll::toString);
		List<List<String>> written = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			List<String> before = pngs(out);
			CliRun r = CliRun.of(args(frames, out, "--shard", i + "/2"));
			assertEquals(0, r.exit(), r::toString);
			List<String> now = pngs(out);
			now.removeAll(before);
			written.add(now);
		}
		assertEquals(List.of(List.of("t0.png", "t1.png"), List.of("t2.png", "t3.png", "t4.png")), written,
			"shard 0/2 owns frames 0-1 (floor 5·1/2 = 2), shard 1/2 frames 2-4");
		CliRun check = CliRun.of(args(frames, out, "--missing"));
		assertEquals(0, check.exit(), check::toString);
		assertTrue(check.out().contains("all 5 frames written"), check::toString);
		Files.delete(out.resolve("t3.png"));
		check = CliRun.of(args(frames, out, "--missing", "--shard", "0/2"));
		assertEquals(Main.FAILED, check.exit());
		assertTrue(check.out().contains("t3.png (t3.png, shard 1/2)") && check.out().contains("submit shards 1 again"),
			check::toString);
	}

	@Test
	void aListFileIsShardedInItsOwnOrderAndMoreShardsThanFramesLeaveSomeEmpty() throws IOException {
		Path list = dir.resolve("frames.txt");
		Files.writeString(list, "# reversed\nframes/t4.png\n\nframes/t2.png\nframes/t0.png\n");
		Path out = dir.resolve("from-list");
		CliRun last = CliRun.of(args(list, out, "--shard", "2/3"));
		assertEquals(0, last.exit(), last::toString);
		assertEquals(List.of("t0.png"), pngs(out), "the list's third line is shard 2/3's frame");
		// Five shards of three frames: floor(3k/5) gives shard 0/5 no frame.
		CliRun empty = CliRun.of(args(list, out, "--shard", "0/5"));
		assertEquals(0, empty.exit(), empty::toString);
		assertTrue(empty.err().contains("no frames (3 frames in 5 shards)"), empty::toString);
	}

	@Test
	void badListFilesNameTheLineAndTheFix() throws IOException {
		Path missing = dir.resolve("missing.txt");
		Files.writeString(missing, "frames/t0.png\nframes/nope.png\n");
		CliRun r = CliRun.of(args(missing, dir.resolve("x"), "--shard", "0/2"));
		assertEquals(Main.USAGE, r.exit());
		assertTrue(r.err().contains("line 2: no such image file") && r.err().contains("relative to the list's folder"),
			r::toString);
		Path twice = dir.resolve("twice.list");
		Files.writeString(twice, frames.resolve("t1.png") + "\n" + frames.resolve("t1.png") + "\n");
		r = CliRun.of(args(twice, dir.resolve("y"), "--shard", "0/2"));
		assertEquals(Main.USAGE, r.exit());
		assertTrue(r.err().contains("lines 1 and 2: two images named t1") && r.err().contains("overwrite"), r::toString);
	}

	@Test
	void badShardsAndOneTiffAreRefusedBeforeAnythingRuns() {
		CliRun r = CliRun.of(args(frames, dir.resolve("bad"), "--shard", "2/2"));
		assertEquals(Main.USAGE, r.exit());
		assertTrue(r.err().contains("shards are numbered 0 to 1 (like sbatch --array=0-1)"), r::toString);
		r = CliRun.of(args(frames, dir.resolve("one.tif"), "--shard", "1/2"));
		assertEquals(Main.USAGE, r.exit());
		assertTrue(r.err().contains("give a folder as --out"), r::toString);
		assertTrue(!Files.exists(dir.resolve("bad")) && !Files.exists(dir.resolve("one.tif")));
	}

	@Test
	void slurmsArrayVariablesNameTheShardUnlessTheOptionDoes() {
		Map<String, String> slurm = Map.of("SLURM_ARRAY_TASK_ID", "1", "SLURM_ARRAY_TASK_COUNT", "3", "SLURM_ARRAY_TASK_MIN", "0");
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
		CliOptions plain = new CliOptions(List.of("--content", "x"));
		assertEquals(new Shard(1, 3), ShardRun.choose(plain, true, slurm::get, e).shard());
		CliOptions given = new CliOptions(List.of("--shard", "0/1"));
		assertEquals(Shard.ALL, ShardRun.choose(given, true, slurm::get, e).shard());
		assertTrue(err.toString(StandardCharsets.UTF_8).contains("--shard 0/1 is used; SLURM_ARRAY_TASK_ID=1"));
		CliOptions.UsageException tiff = assertThrows(CliOptions.UsageException.class, () -> ShardRun.choose(plain, false,
			slurm::get, e));
		assertTrue(tiff.getMessage().contains("SLURM_ARRAY_TASK_ID=1") && tiff.getMessage().contains("--shard 0/1"),
			tiff.getMessage());
	}

	private static List<String> args(Path content, Path out, String... more) {
		List<String> a = CliRun.withOptions(in.args(out), List.of("--content", content.toString(), "--size", "24",
			"--temporal-weight", "0"));
		a.addAll(List.of(more));
		return a;
	}

	private static List<String> pngs(Path folder) throws IOException {
		if (!Files.isDirectory(folder)) return new ArrayList<>();
		try (Stream<Path> s = Files.list(folder)) {
			return new ArrayList<>(s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".png")).sorted().toList());
		}
	}
}
