package io.github.neuralstyle.fiji;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Sharding in headless Fiji (see {@link RealFiji}; skipped without {@code FIJI_HOME}): two
 * shards of a 4-frame stack fill one folder with the command line's file names; in array task 1
 * the bundled macros/style-shard.ijm ({@code shard=auto}, reading SLURM's variables from Fiji's
 * environment) styles that task's planes, and a rerun of shard 0/2 leaves the folder untouched.
 */
@EnabledIfEnvironmentVariable(named = RealFiji.HOME, matches = ".+", disabledReason = RealFiji.SKIPPED)
class RealFijiShardTest {

	private static final List<String> ALL = List.of(".neural-style.json", "cells-0001.png", "cells-0002.png",
		"cells-0003.png", "cells-0004.png");

	private static final Path MACRO = Paths.get("macros", "style-shard.ijm").toAbsolutePath();

	private static final Map<String, String> NO_ARRAY = Map.of("SLURM_ARRAY_TASK_ID", "", "SLURM_ARRAY_TASK_COUNT", "");

	@Test
	void twoShardsFillOneFolderARerunKeepsItAndArrayTasksTakeTheirOwnPlanes() throws Exception {
		RealFiji fiji = RealFiji.shared();
		Path in = fiji.folder("shard-inputs");
		Path stack = in.resolve("cells.tif"), style = in.resolve("style-waves.png");
		IJ.saveAsTiff(TestHyperstacks.gray16("cells.tif", 48, 40, 1, 4), stack.toString());
		ImageFiles.write(TestImages.style(32, 32), style);
		Path shared = fiji.folder("shards").resolve("styled");
		String open = "open('" + stack + "'); open('" + style + "');\n";

		Launch first = fiji.batch(open + run("auto", shared) + run("0/2", shared) + run("1/2", shared), null,
			fiji.folder("prefs"), NO_ARRAY);
		assertTrue(first.output().contains("Neural Style: shard=auto: SLURM_ARRAY_TASK_ID and SLURM_ARRAY_TASK_COUNT are"
			+ " not set, so this is not a SLURM array task: submit with sbatch --array=0-(n-1)"), first::toString);
		assertEquals(List.of("result 0/2: 2 planes", "result 1/2: 2 planes"), first.lines("result "), first::toString);
		assertEquals(ALL, files(shared), first::toString);
		assertTrue(first.output().contains("Neural Style: shard 1/2: planes 3-4 (frame 3/4 to frame 4/4) of 4, starting 2"
			+ " plane(s) early for temporal consistency, into " + shared), first::toString);
		// the command line's check sees Fiji's files as its own
		CliRun check = CliRun.of("--missing", "--content", stack.toString(), "--style", style.toString(), "--out",
			shared.toString(), "--shard", "0/2");
		assertEquals(0, check.exit(), check::toString);
		assertTrue(check.out().contains("all 4 frames written in " + shared), check::toString);

		Map<String, FileTime> times = new LinkedHashMap<>();
		Map<String, byte[]> bytes = new LinkedHashMap<>();
		for (String f : ALL) {
			times.put(f, Files.getLastModifiedTime(shared.resolve(f)));
			bytes.put(f, Files.readAllBytes(shared.resolve(f)));
		}
		// The bundled macro in array task 1 of 2: shard=auto into a new folder takes frames 3-4 only, the same
		// files as shard=1/2 made; then shard=0/2 given in the same task, into the first folder, keeps every file.
		String arg = "content=[" + stack + "] style=[" + style + "] model=file weights=[" + weights() + "] device=cpu"
			+ " iterations=2 size=32 output=[";
		Path second = fiji.folder("auto").resolve("styled");
		Launch task = fiji.batch("runMacro('" + MACRO + "', '" + arg + second + "]');\n"
			+ "runMacro('" + MACRO + "', '" + arg + shared + "] shard=0/2');\n", null, fiji.folder("prefs"),
			Map.of("SLURM_ARRAY_TASK_ID", "1", "SLURM_ARRAY_TASK_COUNT", "2"));
		assertEquals(List.of(".neural-style.json", "cells-0003.png", "cells-0004.png"), files(second), task::toString);
		assertTrue(task.output().contains("Neural Style: shard 1/2: 2 plane(s) styled, 0 kept from an earlier run, in "
			+ second), task::toString);
		assertTrue(task.output().contains("style-shard: done, 2 planes of this shard in " + second), task::toString);
		for (String f : ALL.subList(3, 5)) assertArrayEquals(bytes.get(f), Files.readAllBytes(second.resolve(f)), f);
		assertTrue(task.output().contains("Neural Style: shard=0/2 is used; SLURM_ARRAY_TASK_ID=1 and"
			+ " SLURM_ARRAY_TASK_COUNT=2 are ignored"), task::toString);
		assertTrue(task.output().contains("Neural Style: shard 0/2: 0 plane(s) styled, 2 kept from an earlier run, in "
			+ shared), task::toString);
		for (String f : ALL.subList(1, 5)) {
			assertEquals(times.get(f), Files.getLastModifiedTime(shared.resolve(f)), f + " untouched");
			assertArrayEquals(bytes.get(f), Files.readAllBytes(shared.resolve(f)), f);
		}
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
