package io.github.neuralstyle.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where a result may be written, checked before a run so that a long run never ends in a write
 * that fails or destroys something. The rules, shared by the command line and the Fiji command:
 * <ul>
 * <li>the name ends in one of the accepted image extensions, and is at most 255 bytes;</li>
 * <li>it is none of the inputs (content, style, start image, weights file);</li>
 * <li>an existing file there is a regular, writable file: folders, devices, pipes and sockets are
 * refused, and so are symbolic links (the result is never written through a link, because the
 * link's target may be anything: the message names the target to use instead);</li>
 * <li>its folder exists (or may be created) and a file can be created in it.</li>
 * </ul>
 * Results are written to a temporary file in the same folder and renamed over the target, so a
 * failed write never leaves half a file under the target's name.
 */
public final class OutputFile {

	/** Longest file name most file systems accept (ext4, APFS, NTFS: 255). */
	public static final int MAX_NAME_BYTES = 255;

	/** Writes an image to a (temporary) path. */
	@FunctionalInterface
	public interface Writer {
		/** Writes to {@code file}; false or an exception when it could not. */
		boolean write(Path file) throws IOException;
	}

	private OutputFile() {}

	/**
	 * Checks an output path; returns it absolute and normalised.
	 *
	 * @param key           how the user named it in messages, e.g. {@code --out} or {@code output=}
	 * @param extensions    accepted extensions, lower case, without dot
	 * @param inputs        files the run reads, by role (e.g. "content image"); missing ones are skipped
	 * @param createFolders whether missing folders will be created (else they are refused)
	 * @throws IllegalArgumentException naming the problem and what to do instead
	 */
	public static Path check(String key, Path out, List<String> extensions, Map<String, Path> inputs,
		boolean createFolders)
	{
		String shown = shown(key, out);
		String name = out.getFileName() == null ? "" : out.getFileName().toString();
		String ext = extension(name);
		if (ext.isEmpty() || !extensions.contains(ext)) {
			throw new IllegalArgumentException(shown + ": the file name must end in " + list(extensions) + "; "
				+ (ext.isEmpty() ? "it has no extension" : "'." + ext + "' is not an image format written here"));
		}
		int bytes = name.getBytes(StandardCharsets.UTF_8).length;
		if (bytes > MAX_NAME_BYTES) {
			throw new IllegalArgumentException(shown.substring(0, Math.min(shown.length(), 80)) + "…: the file name is " + bytes
				+ " bytes long; file systems allow at most " + MAX_NAME_BYTES + ": use a shorter name");
		}
		Path abs = out.toAbsolutePath().normalize();
		checkSibling(shown, abs, inputs);
		requireWritableFolder(shown, abs.getParent(), createFolders);
		return abs;
	}

	/**
	 * The checks of one more file a run writes next to a checked output (e.g. intermediate
	 * results): not an input, and absent or a regular writable file. {@code shown} starts messages.
	 */
	public static void checkSibling(String shown, Path file, Map<String, Path> inputs) {
		Path abs = file.toAbsolutePath().normalize();
		for (Map.Entry<String, Path> in : inputs.entrySet()) {
			if (in.getValue() != null && same(abs, in.getValue())) {
				throw new IllegalArgumentException(shown + " is the " + in.getKey() + ": writing the result there would replace it; "
					+ "choose another output name");
			}
		}
		requireReplaceable(shown, abs);
	}

	/**
	 * Writes through {@code writer} into a temporary file next to {@code target}, then renames it
	 * over the target (re-checking that the target is still a regular file or absent).
	 *
	 * @throws IOException naming the target and the reason
	 */
	public static void replace(String key, Path target, Writer writer) throws IOException {
		Path abs = target.toAbsolutePath().normalize();
		String shown = key.endsWith("=") ? key + target : key + " " + target;
		requireReplaceable(shown, abs);
		Path dir = abs.getParent();
		Path tmp = null;
		try {
			Files.createDirectories(dir);
			tmp = Files.createTempFile(dir, ".neural-style-", "." + extension(abs.getFileName().toString()));
			tmp.toFile().deleteOnExit(); // a signal may end the process mid-write
			if (!writer.write(tmp) || Files.size(tmp) == 0) throw new IOException("the image writer failed");
			try {
				Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			}
			catch (AtomicMoveNotSupportedException e) {
				Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
			}
		}
		catch (IOException | RuntimeException e) {
			throw new IOException(shown + ": could not be written (" + reason(e) + "); nothing was written there", e);
		}
		finally {
			if (tmp != null) Files.deleteIfExists(tmp);
		}
	}

	/** ".a, .b or .c". */
	/** "--out dir" or "output=dir": the path as the user gave it, with its option or macro key. */
	static String shown(String key, Path out) {
		return key.endsWith("=") ? key + out : key + " " + out;
	}

	private static String list(List<String> extensions) {
		String all = "." + String.join(", .", extensions);
		int last = all.lastIndexOf(", ");
		return last < 0 ? all : all.substring(0, last) + " or" + all.substring(last + 1);
	}

	/** The lower-case extension of a file name, without the dot; "" for none. */
	public static String extension(String name) {
		int dot = name.lastIndexOf('.');
		return dot <= 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
	}

	private static void requireReplaceable(String shown, Path abs) {
		if (Files.isSymbolicLink(abs)) {
			String to;
			try {
				to = Files.readSymbolicLink(abs).toString();
			}
			catch (IOException e) {
				to = "?";
			}
			throw new IllegalArgumentException(shown + " is a symbolic link (to " + to + "): results are never written "
				+ "through links; name the file itself, or remove the link");
		}
		if (Files.exists(abs, LinkOption.NOFOLLOW_LINKS)) {
			if (Files.isDirectory(abs, LinkOption.NOFOLLOW_LINKS)) {
				throw new IllegalArgumentException(shown + " is a folder: name a file in it, e.g. " + abs.resolve("result.png"));
			}
			if (!Files.isRegularFile(abs, LinkOption.NOFOLLOW_LINKS)) {
				throw new IllegalArgumentException(shown + " is not a regular file (a device, pipe or socket): "
					+ "name an image file to write");
			}
			if (!Files.isWritable(abs)) {
				throw new IllegalArgumentException(shown + " exists and is read-only: choose another name, or make it writable");
			}
		}
	}

	private static void requireWritableFolder(String shown, Path dir, boolean createFolders) {
		Path existing = dir;
		while (existing != null && !Files.exists(existing)) existing = existing.getParent();
		if (existing == null) throw new IllegalArgumentException(shown + ": no existing folder on the path");
		if (!Files.isDirectory(existing)) {
			throw new IllegalArgumentException(shown + ": " + existing + " is a file, not a folder; choose a path in a folder");
		}
		if (!existing.equals(dir) && !createFolders) {
			throw new IllegalArgumentException(shown + ": folder " + dir + " does not exist; create it first");
		}
		// A probe file is the only reliable test: permissions, ACLs, read-only mounts and quotas all show.
		try {
			Files.delete(Files.createTempFile(existing, ".neural-style-probe-", ".tmp"));
		}
		catch (IOException | RuntimeException e) {
			throw new IllegalArgumentException(shown + ": cannot create files in folder " + existing + " (" + reason(e)
				+ "); choose a writable folder");
		}
	}

	private static boolean same(Path a, Path b) {
		Path bAbs = b.toAbsolutePath().normalize();
		if (a.equals(bAbs)) return true;
		try {
			return Files.exists(a) && Files.exists(bAbs) && Files.isSameFile(a, bAbs);
		}
		catch (IOException e) {
			return false;
		}
	}

	/** A short reason without temp paths: "permission denied", "read-only file system", … */
	static String reason(Throwable e) {
		if (e instanceof AccessDeniedException) return "permission denied";
		if (e instanceof FileSystemException && ((FileSystemException) e).getReason() != null) {
			return ((FileSystemException) e).getReason().toLowerCase(Locale.ROOT);
		}
		String m = e.getMessage();
		return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
	}
}
