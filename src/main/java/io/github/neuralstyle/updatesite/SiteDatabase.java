package io.github.neuralstyle.updatesite;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The index of an update site, {@code db.xml.gz}: one record per file (keyed by its name
 * without version), each with platforms, the current version and all previous versions.
 * Written deterministically: records sorted, fixed indentation, gzip header with mtime 0.
 */
public final class SiteDatabase {

	/** File name of the index inside the site folder. */
	public static final String FILE_NAME = "db.xml.gz";

	/** One version of a file: checksum, timestamp (yyyyMMddHHmmss) and its file name then. */
	record Version(String checksum, long timestamp, long filesize, String filename, long timestampObsolete) {}

	/** One file of the site; {@code current} is null when the file was removed (obsolete). */
	static final class Record {
		String filename;
		final TreeSet<String> platforms = new TreeSet<>();
		Version current;
		final List<Version> previous = new ArrayList<>();
	}

	private final Map<String, Record> records = new TreeMap<>();

	/** Reads {@code db.xml.gz} from a site folder; an empty index if the folder has none. */
	public static SiteDatabase read(Path siteDir) throws IOException {
		SiteDatabase db = new SiteDatabase();
		Path file = siteDir.resolve(FILE_NAME);
		if (!Files.exists(file)) return db;
		Document doc;
		try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
			doc = parser().parse(in);
		} catch (SAXException | ParserConfigurationException e) {
			throw new IOException("cannot parse " + file + ": " + e.getMessage(), e);
		}
		NodeList plugins = doc.getDocumentElement().getElementsByTagName("plugin");
		for (int i = 0; i < plugins.getLength(); i++) {
			Element p = (Element) plugins.item(i);
			Record r = new Record();
			r.filename = p.getAttribute("filename");
			for (Node n = p.getFirstChild(); n != null; n = n.getNextSibling()) {
				if (!(n instanceof Element)) continue;
				Element e = (Element) n;
				switch (e.getTagName()) {
					case "platform" -> r.platforms.add(e.getTextContent().trim());
					case "version" -> r.current = new Version(e.getAttribute("checksum"), num(e, "timestamp"),
						num(e, "filesize"), r.filename, 0);
					case "previous-version" -> r.previous.add(new Version(e.getAttribute("checksum"), num(e, "timestamp"),
						0, e.hasAttribute("filename") ? e.getAttribute("filename") : null, num(e, "timestamp-obsolete")));
					default -> { /* description, author, ...: not produced by us */ }
				}
			}
			db.records.put(unversioned(r.filename), r);
		}
		return db;
	}

	/** A namespace-unaware DOM parser that refuses external entities (the DTD is internal). */
	static DocumentBuilder parser() throws ParserConfigurationException {
		DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
		f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
		f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
		f.setExpandEntityReferences(false);
		return f.newDocumentBuilder();
	}

	private static long num(Element e, String attribute) {
		String v = e.getAttribute(attribute);
		return v.isEmpty() ? 0 : Long.parseLong(v);
	}

	Record get(String unversionedName) {
		return records.get(unversionedName);
	}

	Record getOrCreate(String unversionedName) {
		return records.computeIfAbsent(unversionedName, k -> new Record());
	}

	Collection<Record> records() {
		return records.values();
	}

	/** The index as XML text, in the layout of the official uploader (4-space indent, DTD inline). */
	public String toXml() {
		StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n").append(DTD);
		sb.append("<pluginRecords>\n");
		for (Record r : records.values()) {
			sb.append("    <plugin filename=\"").append(esc(r.filename)).append("\">\n");
			for (String platform : r.platforms) sb.append("        <platform>").append(esc(platform)).append("</platform>\n");
			if (r.current != null) {
				sb.append("        <version checksum=\"").append(r.current.checksum()).append("\" filesize=\"")
					.append(r.current.filesize()).append("\" timestamp=\"").append(r.current.timestamp()).append("\"/>\n");
			}
			List<Version> previous = new ArrayList<>(r.previous);
			previous.sort(Comparator.comparingLong(Version::timestamp).reversed().thenComparing(Version::checksum));
			for (Version v : previous) {
				sb.append("        <previous-version checksum=\"").append(v.checksum()).append('"');
				if (v.filename() != null) sb.append(" filename=\"").append(esc(v.filename())).append('"');
				sb.append(" timestamp=\"").append(v.timestamp()).append("\" timestamp-obsolete=\"")
					.append(v.timestampObsolete()).append("\"/>\n");
			}
			sb.append("    </plugin>\n");
		}
		return sb.append("</pluginRecords>\n").toString();
	}

	/** The gzipped index; identical records give identical bytes (gzip mtime is 0). */
	public byte[] toGzip() throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
			gz.write(toXml().getBytes(StandardCharsets.UTF_8));
		}
		byte[] out = bytes.toByteArray();
		// header bytes 4..7 hold the mtime; the JDK writes 0, keep it so whatever the JDK
		out[4] = out[5] = out[6] = out[7] = 0;
		return out;
	}

	private static String esc(String s) {
		return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}

	// The Fiji updater's rule for names that carry a version (org.scijava.util.FileUtils
	// #stripFilenameVersion): name-1.2.3[-qualifier][-classifier].jar -> name[-classifier].jar.
	private static final String CLASSIFIERS = "swing|swt|shaded|sources|javadoc|natives?-?\\w*|"
		+ "(natives-)?(android|linux|macosx|macos|solaris|windows)-(aarch64|amd64|arm64|armv6hf|armv6|arm"
		+ "|i386|i486|i586|i686|universal|x86[_-]32|x86[_-]64|x86)";
	private static final Pattern VERSIONED = Pattern.compile("(.+?)(-\\d+(\\.\\d+|\\d{7})+[a-z]?\\d?"
		+ "(-[A-Za-z0-9.]+?|\\.GA)*?)?((-(" + CLASSIFIERS + "))?(\\.jar(-[a-z]*)?))");

	/** The file name without its version, which is how the updater tells versions of one file apart. */
	public static String unversioned(String filename) {
		Matcher m = VERSIONED.matcher(filename);
		return m.matches() ? m.group(1) + m.group(5) : filename;
	}

	private static final String DTD = """
		<!DOCTYPE pluginRecords [
		<!ELEMENT pluginRecords ((update-site | disabled-update-site)*, plugin*)>
		<!ELEMENT update-site EMPTY>
		<!ELEMENT disabled-update-site EMPTY>
		<!ELEMENT plugin (platform*, category*, version?, previous-version*)>
		<!ELEMENT version (description?, dependency*, link*, author*)>
		<!ELEMENT previous-version EMPTY>
		<!ELEMENT description (#PCDATA)>
		<!ELEMENT dependency EMPTY>
		<!ELEMENT link (#PCDATA)>
		<!ELEMENT author (#PCDATA)>
		<!ELEMENT platform (#PCDATA)>
		<!ELEMENT category (#PCDATA)>
		<!ATTLIST plugin filename CDATA #REQUIRED>
		<!ATTLIST plugin executable CDATA #IMPLIED>
		<!ATTLIST dependency filename CDATA #REQUIRED>
		<!ATTLIST dependency timestamp CDATA #IMPLIED>
		<!ATTLIST dependency overrides CDATA #IMPLIED>
		<!ATTLIST version timestamp CDATA #REQUIRED>
		<!ATTLIST version checksum CDATA #REQUIRED>
		<!ATTLIST version filesize CDATA #REQUIRED>
		<!ATTLIST previous-version filename CDATA #IMPLIED>
		<!ATTLIST previous-version timestamp CDATA #REQUIRED>
		<!ATTLIST previous-version timestamp-obsolete CDATA #IMPLIED>
		<!ATTLIST previous-version checksum CDATA #REQUIRED>]>
		""";
}
