package io.github.neuralstyle.tools;

import io.github.neuralstyle.files.ImageFiles;
import io.github.neuralstyle.engine.RgbImage;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

/** Labelled images side by side, rows under each other, with a footer naming the weights, as one PNG. */
final class Panels {

	/** Height every image is scaled to. */
	static final int HEIGHT = 120;

	private static final int GAP = 6;
	private static final int LABEL = 18;
	private static final String FOOTER = "made with random, not pretrained, VGG19 weights: textures only";

	/** An image and the label under it. */
	record Cell(RgbImage image, String label) {}

	/** Cells shown left to right. */
	record Row(List<Cell> cells) {}

	private Panels() {}

	/** Draws the rows and writes them as PNG. */
	static void write(List<Row> rows, Path file) throws IOException {
		int width = 0;
		for (Row r : rows) width = Math.max(width, rowWidth(r));
		int height = GAP + rows.size() * (HEIGHT + LABEL + GAP) + LABEL;
		BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = out.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
		g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, width, height);
		g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
		int y = GAP;
		for (Row r : rows) {
			int x = GAP;
			for (Cell c : r.cells()) {
				int w = scaledWidth(c.image());
				g.drawImage(ImageFiles.toBufferedImage(c.image()), x, y, w, HEIGHT, null);
				g.setColor(Color.BLACK);
				g.drawString(c.label(), x, y + HEIGHT + 13);
				x += w + GAP;
			}
			y += HEIGHT + LABEL + GAP;
		}
		g.setColor(Color.DARK_GRAY);
		g.setFont(new Font(Font.SANS_SERIF, Font.ITALIC, 11));
		g.drawString(FOOTER, GAP, y + 10);
		g.dispose();
		if (!ImageIO.write(out, "png", file.toFile())) throw new IOException("no PNG writer for " + file);
	}

	private static int rowWidth(Row r) {
		int w = GAP;
		for (Cell c : r.cells()) w += scaledWidth(c.image()) + GAP;
		return w;
	}

	private static int scaledWidth(RgbImage img) {
		return Math.round(img.width() * (float) HEIGHT / img.height());
	}
}
