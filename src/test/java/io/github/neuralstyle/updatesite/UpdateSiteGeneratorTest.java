package io.github.neuralstyle.updatesite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.neuralstyle.updatesite.UpdateSiteGenerator.SiteFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The generated site: parseable index, right checksums, reproducible, versions carried, platforms. */
class UpdateSiteGeneratorTest {

	@TempDir
	Path tmp;

	private static final LocalDateTime T1 = LocalDateTime.of(2026, 11, 20, 10, 15, 30);
	// zip dates have 2-second resolution: even seconds survive a round trip
	private static final LocalDateTime T2 = LocalDateTime.of(2026, 12, 24, 8, 0, 6);

	private List<SiteFile> release(String dir, String version, LocalDateTime time, String code) throws IOException {
		Path d = tmp.resolve(dir);
		List<SiteFile> files = new ArrayList<>();
		Path ours = TestJars.mavenJar(d.resolve("neural-style-fiji-" + version + ".jar"), time, version, code);
		files.add(new SiteFile(ours, "jars/neural-style-fiji-" + version + ".jar"));
		Path dep = TestJars.mavenJar(d.resolve("api-0.35.1.jar"), T1.minusYears(1), "0.35.1", "djl");
		files.add(new SiteFile(dep, "jars/api-0.35.1.jar"));
		Path nat = TestJars.mavenJar(d.resolve("native-1.0.jar"), T1.minusYears(1), "1.0", "so");
		files.add(new SiteFile(nat, "jars/linux64/native-1.0.jar"));
		return files;
	}

	/** Parses db.xml.gz with a plain DOM parser: filename -> plugin element. */
	private static Map<String, Element> parse(Path site) throws Exception {
		Document doc;
		try (InputStream in = new GZIPInputStream(Files.newInputStream(site.resolve("db.xml.gz")))) {
			doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
		}
		assertEquals("pluginRecords", doc.getDocumentElement().getTagName());
		Map<String, Element> map = new TreeMap<>();
		NodeList plugins = doc.getElementsByTagName("plugin");
		for (int i = 0; i < plugins.getLength(); i++) {
			Element p = (Element) plugins.item(i);
			map.put(p.getAttribute("filename"), p);
		}
		return map;
	}

	private static Element child(Element parent, String tag) {
		NodeList l = parent.getElementsByTagName(tag);
		return l.getLength() == 0 ? null : (Element) l.item(0);
	}

	@Test
	void indexParsesAndDescribesEveryStoredFile() throws Exception {
		Path site = tmp.resolve("site");
		List<SiteFile> files = release("r1", "0.1.0", T1, "v1");
		UpdateSiteGenerator.generate(site, files, null);
		Map<String, Element> plugins = parse(site);
		assertEquals(3, plugins.size());
		for (SiteFile f : files) {
			Element version = child(plugins.get(f.destination()), "version");
			assertEquals(TestJars.expectedJarChecksum(f.file()), version.getAttribute("checksum"), f.destination());
			assertEquals(Files.size(f.file()), Long.parseLong(version.getAttribute("filesize")));
			Path stored = site.resolve(f.destination() + "-" + version.getAttribute("timestamp"));
			assertEquals(-1L, Files.mismatch(stored, f.file()), "stored copy of " + f.destination());
		}
		// every new version is dated by the newest jar entry of the release, not the wall clock
		for (String name : plugins.keySet()) {
			assertEquals("20261120101530", child(plugins.get(name), "version").getAttribute("timestamp"), name);
		}
	}

	@Test
	void regeneratingGivesIdenticalBytes() throws Exception {
		List<SiteFile> files = release("r1", "0.1.0", T1, "v1");
		Path a = tmp.resolve("a"), b = tmp.resolve("b");
		UpdateSiteGenerator.generate(a, files, null);
		byte[] first = Files.readAllBytes(a.resolve("db.xml.gz"));
		assertArrayEquals(new byte[] {0, 0, 0, 0}, java.util.Arrays.copyOfRange(first, 4, 8), "gzip mtime must be 0");
		UpdateSiteGenerator.generate(a, files, null);
		assertArrayEquals(first, Files.readAllBytes(a.resolve("db.xml.gz")), "same folder, regenerated");
		UpdateSiteGenerator.generate(b, files, null);
		assertEquals(tree(a), tree(b), "fresh folder, same inputs");
		// a rebuild with new manifest/pom.properties dates is the same content for the updater
		List<SiteFile> rebuilt = release("rebuilt", "0.1.0", T1.plusHours(5), "v1");
		UpdateSiteGenerator.generate(a, rebuilt, null);
		assertArrayEquals(first, Files.readAllBytes(a.resolve("db.xml.gz")), "rebuilt jar, unchanged content");
	}

	private static Map<String, String> tree(Path root) throws Exception {
		Map<String, String> m = new TreeMap<>();
		try (Stream<Path> s = Files.walk(root)) {
			for (Path p : s.filter(Files::isRegularFile).toList()) {
				m.put(root.relativize(p).toString(), TestJars.hex(java.security.MessageDigest.getInstance("SHA-256")
					.digest(Files.readAllBytes(p))));
			}
		}
		return m;
	}

	@Test
	void newVersionCarriesTheOldOnesAsPreviousVersions() throws Exception {
		Path site = tmp.resolve("site");
		List<SiteFile> v1 = release("r1", "0.1.0", T1, "v1");
		UpdateSiteGenerator.generate(site, v1, null);
		String sum1 = TestJars.expectedJarChecksum(v1.get(0).file());
		List<SiteFile> v2 = release("r2", "0.2.0", T2, "v2");
		UpdateSiteGenerator.generate(site, v2, null);
		String sum2 = TestJars.expectedJarChecksum(v2.get(0).file());

		Map<String, Element> plugins = parse(site);
		assertFalse(plugins.containsKey("jars/neural-style-fiji-0.1.0.jar"), "one record per file, renamed");
		Element ours = plugins.get("jars/neural-style-fiji-0.2.0.jar");
		assertEquals(sum2, child(ours, "version").getAttribute("checksum"));
		assertEquals("20261224080006", child(ours, "version").getAttribute("timestamp"));
		Element prev = child(ours, "previous-version");
		assertEquals(sum1, prev.getAttribute("checksum"));
		assertEquals("20261120101530", prev.getAttribute("timestamp"));
		assertEquals("20261224080006", prev.getAttribute("timestamp-obsolete"));
		assertEquals("jars/neural-style-fiji-0.1.0.jar", prev.getAttribute("filename"));
		assertTrue(Files.exists(site.resolve("jars/neural-style-fiji-0.1.0.jar-20261120101530")), "old file stays downloadable");
		assertTrue(Files.exists(site.resolve("jars/neural-style-fiji-0.2.0.jar-20261224080006")));
		// the unchanged dependency keeps its single version
		assertEquals(0, plugins.get("jars/api-0.35.1.jar").getElementsByTagName("previous-version").getLength());

		// a third release keeps both older versions; a dependency dropped from it becomes obsolete
		// ... and a dependency upgrade dated 1980 (reproducible build) takes the release's date
		List<SiteFile> v3 = new ArrayList<>(release("r3", "0.3.0", T2.plusDays(1), "v3").subList(0, 1));
		Path djl = TestJars.mavenJar(tmp.resolve("r3/api-0.36.0.jar"), LocalDateTime.of(1980, 2, 1, 0, 0), "0.36.0", "djl2");
		v3.add(new SiteFile(djl, "jars/api-0.36.0.jar"));
		UpdateSiteGenerator.generate(site, v3, null);
		plugins = parse(site);
		ours = plugins.get("jars/neural-style-fiji-0.3.0.jar");
		NodeList previous = ours.getElementsByTagName("previous-version");
		assertEquals(2, previous.getLength());
		List<String> sums = List.of(((Element) previous.item(0)).getAttribute("checksum"),
			((Element) previous.item(1)).getAttribute("checksum"));
		assertTrue(sums.contains(sum1) && sums.contains(sum2), sums.toString());
		Element api = plugins.get("jars/api-0.36.0.jar");
		assertEquals("20261225080006", child(api, "version").getAttribute("timestamp"));
		assertEquals("jars/api-0.35.1.jar", child(api, "previous-version").getAttribute("filename"));
		Element dropped = plugins.get("jars/linux64/native-1.0.jar");
		assertEquals(null, child(dropped, "version"), "dropped file has no current version");
		assertEquals(1, dropped.getElementsByTagName("previous-version").getLength());
	}

	@Test
	void olderOrSameDatedNewContentIsRefused() throws Exception {
		Path site = tmp.resolve("site");
		UpdateSiteGenerator.generate(site, release("r1", "0.1.0", T1, "v1"), null);
		List<SiteFile> backdated = release("r2", "0.2.0", T1, "v2");
		assertThrows(IllegalArgumentException.class, () -> UpdateSiteGenerator.generate(site, backdated, null));
	}

	@Test
	void filesUnderPlatformFoldersAreTagged() throws Exception {
		Path site = tmp.resolve("site");
		Path jar = TestJars.mavenJar(tmp.resolve("x-1.0.jar"), T1, "1.0", "x");
		Path lib = Files.writeString(tmp.resolve("libx.dll"), "MZ");
		List<SiteFile> files = List.of(new SiteFile(jar, "jars/linux64/x-1.0.jar"), new SiteFile(jar, "jars/win64/y-1.0.jar"),
			new SiteFile(jar, "jars/macosx/z-1.0.jar"), new SiteFile(jar, "jars/x-1.0.jar"),
			new SiteFile(jar, "jars/bio/w-1.0.jar"), new SiteFile(lib, "lib/win64/libx.dll"));
		UpdateSiteGenerator.generate(site, files, 20261201000000L);
		Map<String, Element> plugins = parse(site);
		assertEquals("linux64", child(plugins.get("jars/linux64/x-1.0.jar"), "platform").getTextContent());
		assertEquals("win64", child(plugins.get("jars/win64/y-1.0.jar"), "platform").getTextContent());
		assertEquals("macosx", child(plugins.get("jars/macosx/z-1.0.jar"), "platform").getTextContent());
		assertEquals("win64", child(plugins.get("lib/win64/libx.dll"), "platform").getTextContent());
		assertEquals(null, child(plugins.get("jars/x-1.0.jar"), "platform"));
		assertEquals(null, child(plugins.get("jars/bio/w-1.0.jar"), "platform"), "not a platform folder");
		assertEquals("20261201000000", child(plugins.get("jars/x-1.0.jar"), "version").getAttribute("timestamp"));
	}

	@Test
	void commandLineShipsOnlyWhatFijiLacks() throws Exception {
		Path deps = tmp.resolve("deps");
		for (String name : List.of("api-0.35.1", "pytorch-engine-0.35.1", "pytorch-jni-2.7.1-0.35.1", "jhdf-0.9.4",
			"ij-1.54p", "gson-2.10.1", "jna-5.14.0", "commons-io-2.20.0", "commons-compress-1.28.0", "slf4j-api-2.0.17",
			"scijava-common-2.100.1", "imglib2-8.0.0", "lz4-java-1.8.0")) {
			TestJars.mavenJar(deps.resolve(name + ".jar"), T1, "1", name);
		}
		Path ours = TestJars.mavenJar(tmp.resolve("neural-style-fiji-0.1.0.jar"), T1, "0.1.0", "ours");
		Path site = tmp.resolve("site");
		List<SiteFile> shipped = Main.run("--site", site.toString(), "--jar", ours.toString(), "--deps", deps.toString());
		assertEquals(List.of("jars/neural-style-fiji-0.1.0.jar", "jars/api-0.35.1.jar", "jars/jhdf-0.9.4.jar",
			"jars/pytorch-engine-0.35.1.jar", "jars/pytorch-jni-2.7.1-0.35.1.jar"),
			shipped.stream().map(SiteFile::destination).toList());
		assertEquals(5, parse(site).size());

		TestJars.mavenJar(deps.resolve("pytorch-native-cpu-2.7.1-linux-x86_64.jar"), T1, "1", "libtorch");
		assertThrows(IllegalArgumentException.class, () -> Main.run("--site", site.toString(), "--deps", deps.toString()));
	}
}
