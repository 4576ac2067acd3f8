package io.github.neuralstyle.cli;

import io.github.neuralstyle.shard.Chunk;
import io.github.neuralstyle.shard.Shard;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * {@code --missing}: styles nothing; lists every frame of the whole sequence (all shards) whose
 * result is not in the {@code --out} folder, and with {@code --shard i/n} the shards to submit
 * again. The last step of a cluster job (cluster/style-array.sbatch); exit 1 when a frame is missing.
 */
final class MissingFrames {

	private MissingFrames() {}

	/** Prints the missing frames and a closing line; returns 0 when every frame is written, else {@link Main#FAILED}. */
	static int check(SequenceInput input, Path outArg, Shard shards, PrintStream out) {
		Path folder = outArg.toAbsolutePath().normalize();
		if (Files.exists(folder) && !Files.isDirectory(folder)) {
			throw new CliOptions.UsageException("--missing checks an output folder; --out " + outArg + " is a file");
		}
		List<Integer> missing = new ArrayList<>();
		for (int i = 0; i < input.size(); i++) {
			if (!Files.isRegularFile(folder.resolve(input.outputName(i)))) missing.add(i);
		}
		TreeSet<Integer> owners = new TreeSet<>();
		for (int i : missing) {
			int owner = owner(i, input.size(), shards.count());
			owners.add(owner);
			out.println("missing " + folder.resolve(input.outputName(i)) + " (" + input.name(i)
				+ (shards.isWhole() ? "" : ", shard " + owner + "/" + shards.count()) + ")");
		}
		if (missing.isEmpty()) {
			out.println("all " + input.size() + " frames written in " + folder);
			return 0;
		}
		String list = String.join(",", owners.stream().map(String::valueOf).toList());
		out.println(missing.size() + " of " + input.size() + " frames missing in " + folder + (shards.isWhole() ? ": run again"
			: ": submit shards " + list + " again (ARRAY=" + list + " bash cluster/style-array.sbatch submit)"));
		return Main.FAILED;
	}

	/** The shard of {@code count} whose chunk holds {@code frame}. */
	private static int owner(int frame, int frames, int count) {
		for (int s = 0; s < count; s++) {
			if (Chunk.of(frames, new Shard(s, count), 0).owns(frame)) return s;
		}
		throw new IllegalStateException("frame " + frame + " in no chunk");
	}
}
