package io.github.neuralstyle.tools;

import io.github.neuralstyle.files.ImageFiles;
import io.github.neuralstyle.engine.DefaultStyleTransfer;
import io.github.neuralstyle.engine.Preset;
import io.github.neuralstyle.engine.ProgressListener;
import io.github.neuralstyle.engine.ResultSize;
import io.github.neuralstyle.engine.RgbImage;
import io.github.neuralstyle.engine.StyleTransferResult;
import io.github.neuralstyle.engine.StyleTransferSettings;
import io.github.neuralstyle.engine.network.InputConvention;
import io.github.neuralstyle.engine.network.RandomVggWeights;
import io.github.neuralstyle.engine.network.VggArchitecture;
import io.github.neuralstyle.engine.network.VggWeights;
import io.github.neuralstyle.engine.tiling.TilingOptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

/**
 * Makes docs/images/full-resolution.png: the content styled at a small working size and upsampled
 * to its own size, against the content styled at its own size, whole and as crops:
 * <pre>
 * java -Djava.awt.headless=true -Dai.djl.offline=true -Dai.djl.pytorch.num_threads=2 \
 *   -cp target/classes:target/test-classes:$(cat target/cp.txt) io.github.neuralstyle.tools.FullResolutionPicture docs/images
 * </pre>
 * (classpath as for {@link DocPictures}). Seeded random full-size VGG19 weights, as every
 * picture of the guide: textures only.
 */
public final class FullResolutionPicture {

	/** Working size of the upsampled run (long side). */
	static final int WORKING = 96;

	/** L-BFGS steps of each run. */
	static final int STEPS = 30;

	private FullResolutionPicture() {}

	public static void main(String[] args) throws IOException {
		Path out = Paths.get(args.length > 0 ? args[0] : "docs/images");
		Files.createDirectories(out);
		RgbImage content = ImageFiles.read(Paths.get("sample-data/content-cells.png"));
		RgbImage style = ImageFiles.read(Paths.get("sample-data/style-waves.png"));
		VggWeights weights = RandomVggWeights.create(VggArchitecture.VGG19, InputConvention.CAFFE, 1, 0, 16);
		int full = Math.max(content.width(), content.height());
		StyleTransferSettings.Builder b = StyleTransferSettings.builder(Preset.GATYS).optSteps(STEPS)
			.optResultSize(ResultSize.CONTENT);
		StyleTransferResult small = new DefaultStyleTransfer().run(content, style, weights, b.optSize(WORKING).build(),
			ProgressListener.NONE, () -> false);
		// Automatic tiling: at this size the untiled step fits, and a tiled one gives the same image
		// (TiledRunTest); on a large content the same call tiles.
		StyleTransferResult tiled = new DefaultStyleTransfer(TilingOptions.automatic()).run(content, style,
			weights, b.optSize(full).build(), ProgressListener.NONE, () -> false);
		String upsampled = "size=" + WORKING + ", upsampled";
		String fullSize = "size=full (" + tiled.tiling().describe() + ")";
		int x = content.width() / 2 - 32, y = content.height() / 2 - 32;
		Panels.write(List.of(
			new Panels.Row(List.of(new Panels.Cell(content, "content " + content.width() + "×" + content.height()),
				new Panels.Cell(small.image(), upsampled), new Panels.Cell(tiled.image(), fullSize))),
			new Panels.Row(List.of(new Panels.Cell(crop(content, x, y, 64), "crop: content"),
				new Panels.Cell(crop(small.image(), x, y, 64), "crop: upsampled"),
				new Panels.Cell(crop(tiled.image(), x, y, 64), "crop: full size")))),
			out.resolve("full-resolution.png"));
		System.out.printf("upsampled: %d steps, %.0f ms/step; full size: %s, %.0f ms/step%n", small.steps(),
			small.medianStepMillis(), tiled.tiling().describe(), tiled.medianStepMillis());
	}

	/** The size×size square at (x, y). */
	static RgbImage crop(RgbImage image, int x0, int y0, int size) {
		float[] d = new float[3 * size * size];
		for (int c = 0; c < 3; c++) {
			for (int y = 0; y < size; y++) {
				System.arraycopy(image.data(), (c * image.height() + y0 + y) * image.width() + x0, d, (c * size + y) * size, size);
			}
		}
		return new RgbImage(size, size, d);
	}
}
