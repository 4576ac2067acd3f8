package io.github.neuralstyle.weights;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.neuralstyle.engine.network.VggArchitecture;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Cache folder resolution and the built-in model table. */
class WeightsCacheAndModelTest {

	private final Map<String, String> props = new HashMap<>();
	private final Map<String, String> env = new HashMap<>();

	private Path resolve(boolean fijiUsable) {
		props.putIfAbsent("user.home", "/home/u");
		return WeightsCache.resolve(props::get, env::get, p -> fijiUsable);
	}

	@Test
	void propertyBeatsEnvironmentBeatsFijiBeatsXdgBeatsHome() {
		assertEquals(Paths.get("/home/u/.cache/neural-style"), resolve(true));
		env.put("XDG_CACHE_HOME", "/xdg");
		assertEquals(Paths.get("/xdg/neural-style"), resolve(true));
		props.put("imagej.dir", "/opt/ImageJ");
		assertEquals(Paths.get("/opt/ImageJ/models/neural-style"), resolve(true));
		props.put("fiji.dir", "/opt/Fiji.app");
		assertEquals(Paths.get("/opt/Fiji.app/models/neural-style"), resolve(true));
		env.put(WeightsCache.ENV, "/env/cache");
		assertEquals(Paths.get("/env/cache"), resolve(true));
		props.put(WeightsCache.PROPERTY, "/prop/cache");
		assertEquals(Paths.get("/prop/cache"), resolve(true));
	}

	@Test
	void readOnlyFijiFallsBackToTheUserCache() {
		props.put("fiji.dir", "/Applications/Fiji.app");
		env.put("XDG_CACHE_HOME", "/xdg");
		assertEquals(Paths.get("/xdg/neural-style"), resolve(false));
	}

	@Test
	void relativeXdgAndBlankOverridesAreIgnored() {
		env.put("XDG_CACHE_HOME", "relative/cache");
		env.put(WeightsCache.ENV, "  ");
		assertEquals(Paths.get("/home/u/.cache/neural-style"), resolve(true));
	}

	@Test
	void modelsHaveIdsHttpsUrlsAndVerification() {
		assertEquals(Model.VGG19_CAFFE, Model.DEFAULT);
		assertEquals(Model.VGG16_CAFFE, Model.forId(" vgg16_caffe "));
		assertNull(Model.forId("vgg11"));
		for (Model m : Model.values()) {
			assertTrue(m.source().url().toString().startsWith("https://"), m.id());
			assertEquals(m, Model.forId(m.id()));
		}
		assertEquals("253f8cb515780f3b799900260a226db6", Model.VGG19_CAFFE.source().md5());
		assertEquals("vgg19_weights_tf_dim_ordering_tf_kernels_notop.h5", Model.VGG19_CAFFE.source().fileName());
		assertEquals(VggArchitecture.VGG16, Model.VGG16_CAFFE.source().architecture());
		assertEquals(WeightsFormat.SAFETENSORS, Model.VGG19_TORCHVISION.source().format());
		assertNull(Model.VGG19_TORCHVISION.source().md5());
	}
}
