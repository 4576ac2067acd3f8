package io.github.neuralstyle.tools;

import io.github.neuralstyle.cli.PlaneSelection;
import io.github.neuralstyle.cli.SequenceInput;
import io.github.neuralstyle.engine.ImageResize;
import io.github.neuralstyle.engine.RgbImage;
import io.github.neuralstyle.files.ImageFiles;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The flicker picture of docs/user-guide.md and docs/video.md, from the frames that
 * {@code benchmark --sequence --out DIR} writes (DIR/independent, DIR/consistent), so that the
 * picture shows the very runs whose temporal error docs/performance.md gives:
 * <pre>
 * java -Dai.djl.offline=true -cp target/classes:$(cat target/cp.txt) io.github.neuralstyle.cli.Main benchmark --sequence --out DIR
 * java -Djava.awt.headless=true -cp target/classes:target/test-classes:$(cat target/cp.txt) \
 *   io.github.neuralstyle.tools.SequencePicture DIR sample-data/timelapse-cells.tif docs/images/sequence-kymograph.png
 * </pre>
 * Top row: one frame of the content and of both runs. Bottom row: kymographs, the middle row of
 * every frame stacked downwards in time (each frame {@value #ROWS_PER_FRAME} px tall): a still
 * or steadily drifting texture makes straight or slanted streaks, flicker makes them break up.
 */
public final class SequencePicture {

	/** Pixel rows each frame gets in a kymograph. */
	static final int ROWS_PER_FRAME = 6;

	private SequencePicture() {}

	/** Arguments: the benchmark's output folder, the content stack, the PNG to write. */
	public static void main(String[] args) throws IOException {
		Path dir = Path.of(args[0]);
		SequenceInput content = SequenceInput.open(Path.of(args[1]), PlaneSelection.ALL, 4096);
		List<RgbImage> independent = new ArrayList<>(), consistent = new ArrayList<>(), frames = new ArrayList<>();
		for (int i = 0; i < content.size(); i++) {
			Path name = Path.of(String.format("%04d.png", i + 1));
			if (!dir.resolve("independent").resolve(name).toFile().isFile()) break;
			independent.add(ImageFiles.read(dir.resolve("independent").resolve(name)));
			consistent.add(ImageFiles.read(dir.resolve("consistent").resolve(name)));
			RgbImage c = content.frame(i);
			frames.add(ImageResize.resize(c, independent.get(i).width(), independent.get(i).height()));
		}
		int n = frames.size();
		int shown = n / 2;
		int row = frames.get(0).height() / 2;
		String at = "frame " + (shown + 1);
		Panels.write(List.of(
			new Panels.Row(List.of(new Panels.Cell(frames.get(shown), "content, " + at),
				new Panels.Cell(independent.get(shown), "independent, " + at),
				new Panels.Cell(consistent.get(shown), "consistent, " + at))),
			new Panels.Row(List.of(new Panels.Cell(kymograph(frames, row), "row " + row + " over time ↓"),
				new Panels.Cell(kymograph(independent, row), "independent: flicker"),
				new Panels.Cell(kymograph(consistent, row), "consistent: steady")))), Path.of(args[2]));
	}

	/** Row {@code y} of every frame, stacked downwards, each {@link #ROWS_PER_FRAME} px tall. */
	static RgbImage kymograph(List<RgbImage> frames, int y) {
		int w = frames.get(0).width();
		int h = frames.size() * ROWS_PER_FRAME;
		float[] out = new float[3 * w * h];
		for (int t = 0; t < frames.size(); t++) {
			RgbImage f = frames.get(t);
			for (int r = 0; r < ROWS_PER_FRAME; r++) {
				int oy = t * ROWS_PER_FRAME + r;
				for (int c = 0; c < 3; c++) {
					for (int x = 0; x < w; x++) out[(c * h + oy) * w + x] = f.get(c, x, y);
				}
			}
		}
		return new RgbImage(w, h, out);
	}
}
