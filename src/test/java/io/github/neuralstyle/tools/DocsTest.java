package io.github.neuralstyle.tools;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The user guide, troubleshooting, GPU and video pages: their links and pictures exist, pictures are small. */
class DocsTest {

	/** Written on another branch; linked already so that the pages need no later edit. */
	private static final Set<String> ELSEWHERE = Set.of("performance.md");

	private static final Pattern LINK = Pattern.compile("\\]\\(([^)#\\s]+)(#[^)]*)?\\)");

	@ParameterizedTest
	@ValueSource(strings = { "user-guide.md", "troubleshooting.md", "gpu.md", "video.md", "control.md" })
	void linksAndPicturesExist(String page) throws IOException {
		Path docs = Paths.get("docs");
		String text = Files.readString(docs.resolve(page));
		Matcher m = LINK.matcher(text);
		while (m.find()) {
			String target = m.group(1);
			if (target.startsWith("http") || ELSEWHERE.contains(target)) continue;
			Path file = docs.resolve(target).normalize();
			assertTrue(Files.exists(file), page + " links to missing " + target);
			if (target.endsWith(".png")) assertTrue(Files.size(file) < 300_000, target + " is over 300 KB");
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "presets.png", "style-weight.png", "adam-vs-lbfgs.png", "full-resolution.png",
		"sequence-kymograph.png" })
	void everyPictureSaysItsWeightsAreRandom(String picture) throws IOException {
		String guide = Files.readString(Paths.get("docs/user-guide.md"));
		int at = guide.indexOf("(images/" + picture + ")");
		assertTrue(at >= 0, picture + " is shown");
		String caption = guide.substring(at, Math.min(guide.length(), at + 600)).replaceAll("\\s+", " ");
		assertTrue(caption.contains("random, not pretrained, VGG19 weights"), picture + " caption: " + caption);
	}

	@ParameterizedTest
	@ValueSource(strings = { "colours.png", "style-blend.png", "style-scale.png", "regions.png" })
	void everyControlPictureIsShownSmallAndSaysItsWeightsAreRandom(String picture) throws IOException {
		String page = Files.readString(Paths.get("docs/control.md"));
		int at = page.indexOf("(images/" + picture + ")");
		assertTrue(at >= 0, picture + " is shown");
		String caption = page.substring(at, Math.min(page.length(), at + 700)).replaceAll("\\s+", " ");
		assertTrue(caption.contains("random, not pretrained, VGG19 weights"), picture + " caption: " + caption);
		assertTrue(Files.size(Paths.get("docs/images", picture)) < 300_000, picture + " is over 300 KB");
	}
}
