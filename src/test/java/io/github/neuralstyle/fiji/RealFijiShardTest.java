package io.github.neuralstyle.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.IJ;

import io.github.neuralstyle.files.ImageFiles;
import io.github.neuralstyle.testsupport.CliRun;
import io.github.neuralstyle.testsupport.RealFiji;
import io.github.neuralstyle.testsupport.RealFiji.Launch;
import io.github.neuralstyle.testsupport.TestHyperstacks;
import io.github.neuralstyle.testsupport.TestImages;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Sharding in headless Fiji (see {@link RealFiji}; skipped without {@code FIJI_HOME}), in one
 * launch that SLURM's variables call array task 1 of 2: shard 0/2 given in a macro line and the
 * bundled macros/style-shard.ijm with {@code shard=auto} (1/2) fill one folder with the command
 * line's file names, and a rerun of shard 0/2 leaves its planes untouched.
 */
@EnabledIfEnvironmentVariable(named = RealFiji.HOME, matches = ".+", disabledReason = RealFiji.SKIPPED)
class RealFijiShardTest {

	private static final List<String> ALL = List.of(".neural-style.json", "cells-0001.png", "cells-0002.png",
		"cells-0003.png", "cells-0004.png");

	private static final Path MACRO = Paths.get("macros", "style-shard.ijm").toAbsolutePath();

	@Test
	void twoShardsFillOneFolderAndARerunKeepsIt() throws Exception {
		RealFiji fiji = RealFiji.shared();
		Path in = fiji.folder("shard-inputs");
		Path stack = in.resolve("cells.tif"), style = in.resolve("style-waves.png");
		IJ.saveAsTiff(TestHyperstacks.gray16("cells.tif", 48, 40, 1, 4), stack.toString());
		ImageFiles.write(TestImages.style(32, 32), style);
		Path shared = fiji.folder("shards").resolve("styled");
		// Array task 1 of 2: shard=0/2 given in a macro line; the bundled macro with shard=auto (so 1/2), then
		// again with shard=0/2, which finds its planes written.
		String arg = "content=[" + stack + "] style=[" + style + "] model=file weights=[" + weights() + "] device=cpu"
			+ " iterations=2 size=32 output=[" + shared + "]";
		Launch task = fiji.batch("open('" + stack + "'); open('" + style + "');\n" + run("0/2", shared)
			+ "runMacro('" + MACRO + "', '" + arg + "');\n"
			+ "runMacro('" + MACRO + "', '" + arg + " shard=0/2');\n", null, fiji.folder("prefs"),
			Map.of("SLURM_ARRAY_TASK_ID", "1", "SLURM_ARRAY_TASK_COUNT", "2"));
		assertEquals(ALL, files(shared), task::toString);
		assertEquals(List.of("result 0/2: 2 planes"), task.lines("result "), task::toString);
		assertTrue(task.output().contains("Neural Style: shard=0/2 is used; SLURM_ARRAY_TASK_ID=1 and"
			+ " SLURM_ARRAY_TASK_COUNT=2 are ignored"), task::toString);
		assertTrue(task.output().contains("Neural Style: shard 1/2: planes 3-4 (frame 3/4 to frame 4/4) of 4, starting 2"
			+ " plane(s) early for temporal consistency, into " + shared), "auto is task 1 of 2: " + task);
		assertTrue(task.output().contains("Neural Style: shard 1/2: 2 plane(s) styled, 0 kept from an earlier run, in "
			+ shared), task::toString);
		assertTrue(task.output().contains("Neural Style: shard 0/2: 0 plane(s) styled, 2 kept from an earlier run, in "
			+ shared), task::toString);
		assertEquals(2, task.lines("style-shard: done, 2 planes of this shard in " + shared).size(), task::toString);
		// shard 0/2's rerun came last: had it written its planes again, they would be newer than shard 1/2's
		FileTime third = Files.getLastModifiedTime(shared.resolve("cells-0003.png"));
		for (String f : ALL.subList(1, 3)) {
			assertTrue(Files.getLastModifiedTime(shared.resolve(f)).compareTo(third) < 0, f + " untouched by the rerun");
		}
		// the command line's check sees Fiji's files as its own
		CliRun check = CliRun.of("--missing", "--content", stack.toString(), "--style", style.toString(), "--out",
			shared.toString(), "--shard", "0/2");
		assertEquals(0, check.exit(), check::toString);
		assertTrue(check.out().contains("all 4 frames written in " + shared), check::toString);
	}

	/** Styles one shard of cells.tif's frames into {@code out} and prints "result 0/2: 2 planes" when it made an image. */
	private static String run(String shard, Path out) {
		return "selectImage('cells.tif');\n"
			+ "run('Style Transfer...', 'content=cells.tif style=style-waves.png planes=frames shard=" + shard + " output=["
			+ out + "] model=file weights=[" + weights() + "] device=cpu iterations=2 size=32');\n"
			+ "if (getTitle() != 'cells.tif') print('result " + shard + ": ' + nSlices + ' planes');\n";
	}

	private static Path weights() {
		try {
			return RealFiji.shared().safetensors;
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	private static List<String> files(Path folder) throws IOException {
		if (!Files.isDirectory(folder)) return List.of();
		try (Stream<Path> s = Files.list(folder)) {
			return s.map(p -> p.getFileName().toString()).sorted().toList();
		}
	}
}
