package io.github.neuralstyle.engine.regions;

import io.github.neuralstyle.engine.network.VggArchitecture;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Per-layer guidance maps T from a pixel mask in [0,1] (Gatys et al. 2017, section 4.1), scaled
 * to unit root mean square so that the guided Gram matrix of a region is the Gram matrix of the
 * features inside it, whatever the region's size.
 */
public final class GuidanceMaps {

	/** How a mask becomes a map at a layer's resolution. */
	public enum Mode {
		/** Each neuron takes the mask's mean over the input pixels of its stride cell (a box downsampling). */
		SIMPLE,
		/**
		 * Each neuron takes the mask's minimum over its receptive field: an erosion, so a neuron
		 * counts only when it sees nothing but the region. The zero padding outside the image does
		 * not erode (else no deep neuron near an edge would count).
		 */
		INSIDE
	}

	private GuidanceMaps() {}

	/** A guidance map at the resolution of one layer. */
	public record Map2d(int width, int height, float[] values) {}

	/** The maps of {@code layers} for a mask of {@code width × height} pixels (row-major). */
	public static Map<String, Map2d> forLayers(float[] mask, int width, int height, VggArchitecture arch,
		Collection<String> layers, Mode mode)
	{
		Map<String, Map2d> out = new LinkedHashMap<>();
		for (String layer : layers) out.put(layer, forLayer(mask, width, height, LayerGeometry.of(arch, layer), mode));
		return out;
	}

	/** The map for one layer's geometry, scaled to unit RMS; all zeros when no neuron is in the region. */
	public static Map2d forLayer(float[] mask, int width, int height, LayerGeometry g, Mode mode) {
		if (mask.length != width * height) {
			throw new IllegalArgumentException("mask has " + mask.length + " values, a " + width + "×" + height
				+ " image needs " + width * height);
		}
		int w = g.outputSide(width);
		int h = g.outputSide(height);
		if (w < 1 || h < 1) {
			throw new IllegalArgumentException("a " + width + "×" + height + " mask is too small for a layer " + g.jump()
				+ "× smaller; use a larger image or shallower layers");
		}
		int start = mode == Mode.SIMPLE ? 0 : g.offset();
		int span = mode == Mode.SIMPLE ? g.jump() : g.size();
		// Separable: reduce along x at the layer's columns, then along y at its rows.
		float[] rows = new float[height * w];
		for (int y = 0; y < height; y++) {
			for (int i = 0; i < w; i++) rows[y * w + i] = reduce(mask, y * width, 1, width, start + i * g.jump(), span, mode);
		}
		float[] out = new float[w * h];
		for (int j = 0; j < h; j++) {
			for (int i = 0; i < w; i++) out[j * w + i] = reduce(rows, i, w, height, start + j * g.jump(), span, mode);
		}
		return new Map2d(w, h, unitRms(out));
	}

	/** Mean (SIMPLE) or minimum (INSIDE) of {@code data[base + k·stride]} for k in [from, from + span) ∩ [0, n). */
	private static float reduce(float[] data, int base, int stride, int n, int from, int span, Mode mode) {
		int lo = Math.max(0, from);
		int hi = Math.min(n, from + span);
		double acc = mode == Mode.SIMPLE ? 0 : Double.POSITIVE_INFINITY;
		for (int k = lo; k < hi; k++) {
			float v = data[base + k * stride];
			acc = mode == Mode.SIMPLE ? acc + v : Math.min(acc, v);
		}
		if (hi <= lo) return 0;
		return (float) (mode == Mode.SIMPLE ? acc / (hi - lo) : acc);
	}

	/** {@code v / sqrt(mean(v²))}, in place; an all-zero map stays zero. */
	static float[] unitRms(float[] v) {
		double sq = 0;
		for (float x : v) sq += (double) x * x;
		if (sq == 0) return v;
		double scale = 1 / Math.sqrt(sq / v.length);
		for (int i = 0; i < v.length; i++) v[i] = (float) (v[i] * scale);
		return v;
	}
}
