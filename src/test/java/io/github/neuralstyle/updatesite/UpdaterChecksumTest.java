package io.github.neuralstyle.updatesite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.util.FileUtils;

/** The jar checksum equals the Fiji updater's, computed independently here. */
class UpdaterChecksumTest {

	@TempDir
	Path tmp;

	private static final LocalDateTime T1 = LocalDateTime.of(2026, 11, 20, 10, 15, 30);

	@Test
	void jarChecksumEqualsIndependentComputation() throws Exception {
		Path jar = TestJars.mavenJar(tmp.resolve("thing-0.1.0.jar"), T1, "0.1.0", "class bytes \u00e9");
		assertEquals(TestJars.expectedJarChecksum(jar), UpdaterChecksum.ofJar(jar));
		assertEquals(TestJars.expectedJarChecksum(jar), UpdaterChecksum.of("jars/thing-0.1.0.jar", jar));
	}

	@Test
	void entriesAreSortedByName() throws Exception {
		Map<String, String> ab = new LinkedHashMap<>();
		ab.put("a.txt", "A");
		ab.put("b.txt", "B");
		Map<String, String> ba = new LinkedHashMap<>();
		ba.put("b.txt", "B");
		ba.put("a.txt", "A");
		Path x = TestJars.jar(tmp.resolve("x.jar"), T1, ab), y = TestJars.jar(tmp.resolve("y.jar"), T1, ba);
		assertEquals(UpdaterChecksum.ofJar(x), UpdaterChecksum.ofJar(y));
		MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
		sha1.update("a.txtAb.txtB".getBytes(StandardCharsets.US_ASCII));
		assertEquals(TestJars.hex(sha1.digest()), UpdaterChecksum.ofJar(y));
	}

	@Test
	void rebuildsWithOtherManifestDatesAndPropertiesCommentsKeepTheChecksum() throws Exception {
		Path a = TestJars.mavenJar(tmp.resolve("a/thing.jar"), T1, "0.1.0", "code");
		Path b = TestJars.mavenJar(tmp.resolve("b/thing.jar"), T1.plusDays(3), "0.1.0", "code");
		Path c = TestJars.mavenJar(tmp.resolve("c/thing.jar"), T1, "0.1.0", "other code");
		assertNotEquals(-1L, Files.mismatch(a, b), "the jars differ in bytes");
		assertEquals(UpdaterChecksum.ofJar(a), UpdaterChecksum.ofJar(b));
		assertNotEquals(UpdaterChecksum.ofJar(a), UpdaterChecksum.ofJar(c));
	}

	@Test
	void propertiesFilterKeepsTheUpdatersQuirks() {
		String[] inputs = {"#Created\n#Tue\nkey=value\n", "##x\nk=v\n", "#\n#not stripped\n", "\n#not stripped\n",
			"k=v # inline\n#c", "a\n#c\r\nb\n", ""};
		String[] expected = {"\n\nkey=value\n", "\nk=v\n", "\n#not stripped\n", "\n#not stripped\n", "k=v # inline\n",
			"a\n\nb\n", ""};
		for (int i = 0; i < inputs.length; i++) {
			String out = new String(UpdaterChecksum.skipHashedLines(inputs[i].getBytes(StandardCharsets.ISO_8859_1)),
				StandardCharsets.ISO_8859_1);
			assertEquals(expected[i], out, "input " + i);
			assertEquals(expected[i], TestJars.propertiesFilter(inputs[i]), "test model, input " + i);
		}
	}

	@Test
	void otherFilesHashTheirPathThenTheirBytes() throws Exception {
		Path f = Files.writeString(tmp.resolve("x.ijm"), "print('hi');\n");
		MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
		sha1.update("macros/x.ijm".getBytes(StandardCharsets.US_ASCII));
		sha1.update(Files.readAllBytes(f));
		assertEquals(TestJars.hex(sha1.digest()), UpdaterChecksum.of("macros/x.ijm", f));
	}

	@Test
	void versionStrippingAgreesWithScijava() {
		String[] names = {"jars/neural-style-fiji-0.1.0.jar", "jars/neural-style-fiji-0.2.0-SNAPSHOT.jar",
			"jars/api-0.35.1.jar", "jars/pytorch-engine-0.35.1.jar", "jars/pytorch-jni-2.7.1-0.35.1.jar",
			"jars/jhdf-0.9.4.jar", "jars/compress-lzf-1.1.2.jar", "jars/linux64/foo-natives-linux-1.2.jar",
			"jars/foo-1.0-linux-x86_64.jar", "jars/plain.jar", "macros/x.ijm"};
		for (String n : names) assertEquals(FileUtils.stripFilenameVersion(n), SiteDatabase.unversioned(n), n);
	}
}
