package io.github.neuralstyle.weights;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON header of a safetensors file: 8-byte little-endian length, then
 * {@code {"name": {"dtype", "shape", "data_offsets": [begin, end]}, "__metadata__": {...}}},
 * offsets relative to the data block that follows the header.
 */
final class SafetensorsHeader {

	/** One tensor's entry. */
	static final class Entry {
		final String name;
		final String dtype;
		final long[] shape;
		final long begin;
		final long end;

		Entry(String name, String dtype, long[] shape, long begin, long end) {
			this.name = name;
			this.dtype = dtype;
			this.shape = shape;
			this.begin = begin;
			this.end = end;
		}
	}

	private static final String METADATA = "__metadata__";

	private final Map<String, Entry> entries;
	private final JsonObject metadata;

	private SafetensorsHeader(Map<String, Entry> entries, JsonObject metadata) {
		this.entries = entries;
		this.metadata = metadata;
	}

	/** Tensor entries in header order. */
	Map<String, Entry> entries() {
		return Collections.unmodifiableMap(entries);
	}

	/** Reads the header length from the first 8 bytes and checks it against the limit. */
	static long headerLength(String file, byte[] first8) throws InvalidWeightsException {
		long n = ByteBuffer.wrap(first8, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
		if (n <= 1 || n > Limits.MAX_HEADER_BYTES) {
			throw new InvalidWeightsException(file + " is not a usable safetensors file: header length " + n
				+ " bytes (limit " + Limits.MAX_HEADER_BYTES + ")");
		}
		return n;
	}

	/** Deepest nesting of arrays and objects we accept: a real header nests 3 deep ({"t": {"shape": [..]}}). */
	private static final int MAX_NESTING = 4;

	/** Parses and checks the JSON header (shapes agree with byte lengths, offsets are ordered). */
	static SafetensorsHeader parse(String file, byte[] json) throws InvalidWeightsException {
		String text = new String(json, StandardCharsets.UTF_8).trim();
		// A recursive JSON parser overflows the stack on deeply nested input: measure the depth first.
		int depth = nesting(text);
		if (depth > MAX_NESTING) {
			throw new InvalidWeightsException(file + " is not a usable safetensors file: its header nests arrays or objects "
				+ depth + " deep (a safetensors header nests at most 3)");
		}
		JsonObject root;
		try {
			JsonElement e = JsonParser.parseString(text);
			if (!e.isJsonObject()) {
				throw new InvalidWeightsException(file + " is not a safetensors file: its header is not a JSON object");
			}
			root = e.getAsJsonObject();
		}
		catch (JsonParseException e) {
			throw new InvalidWeightsException(file + " is not a safetensors file: its header is not valid JSON ("
				+ jsonProblem(e) + ")");
		}
		Map<String, Entry> entries = new LinkedHashMap<>();
		JsonObject metadata = null;
		for (Map.Entry<String, JsonElement> member : root.entrySet()) {
			String name = member.getKey();
			if (METADATA.equals(name)) {
				if (member.getValue().isJsonObject()) metadata = member.getValue().getAsJsonObject();
				continue;
			}
			Entry entry = entry(file, name, member.getValue());
			entries.put(name, entry);
		}
		return new SafetensorsHeader(entries, metadata);
	}

	/** One tensor's entry, every field checked for presence, type and range. */
	private static Entry entry(String file, String name, JsonElement value) throws InvalidWeightsException {
		String where = file + ": tensor " + name;
		if (!value.isJsonObject()) {
			throw new InvalidWeightsException(where + " is described by " + kind(value)
				+ ", expected an object with dtype, shape and data_offsets");
		}
		JsonObject t = value.getAsJsonObject();
		JsonElement d = t.get("dtype");
		if (d == null || !d.isJsonPrimitive() || !d.getAsJsonPrimitive().isString()) {
			throw new InvalidWeightsException(where + ": field 'dtype' is " + kind(d) + ", expected a string such as \"F32\"");
		}
		String dtype = d.getAsString();
		long[] shape = longs(where, "shape", t.get("shape"), -1);
		long[] offsets = longs(where, "data_offsets", t.get("data_offsets"), 2);
		long begin = offsets[0];
		long end = offsets[1];
		long count = Limits.count(shape);
		int size = dtypeSize(dtype);
		if (end < begin || count < 0 || (size > 0 && count > (end - begin) / size)
			|| (size > 0 && end - begin != count * size))
		{
			throw new InvalidWeightsException(where + " has shape " + Arrays.toString(shape) + " of " + dtype
				+ " but data_offsets [" + begin + ", " + end + "]");
		}
		return new Entry(name, dtype, shape, begin, end);
	}

	/** A JSON array of non-negative integers ({@code length} of them unless negative), naming the field if it is not. */
	private static long[] longs(String where, String field, JsonElement e, int length) throws InvalidWeightsException {
		String expected = length < 0 ? "an array of non-negative integers" : "an array of " + length + " non-negative integers";
		if (e == null || !e.isJsonArray()) {
			throw new InvalidWeightsException(where + ": field '" + field + "' is " + kind(e) + ", expected " + expected);
		}
		JsonArray a = e.getAsJsonArray();
		if (length >= 0 && a.size() != length || a.size() > 8) {
			throw new InvalidWeightsException(where + ": field '" + field + "' has " + a.size() + " elements, expected "
				+ expected + (length < 0 ? " (at most 8)" : ""));
		}
		long[] out = new long[a.size()];
		for (int i = 0; i < out.length; i++) {
			JsonElement v = a.get(i);
			long n = -1;
			if (v.isJsonPrimitive() && v.getAsJsonPrimitive().isNumber()) {
				try {
					n = new java.math.BigDecimal(v.getAsString()).longValueExact();
				}
				catch (ArithmeticException | NumberFormatException x) {
					n = -1;
				}
			}
			if (n < 0) {
				throw new InvalidWeightsException(where + ": field '" + field + "' holds " + kind(v) + " at position " + i
					+ ", expected " + expected);
			}
			out[i] = n;
		}
		return out;
	}

	/** What a JSON value is, for messages: "missing", "an object", "an array", "the string \"x\"", "the number 1.5". */
	private static String kind(JsonElement e) {
		if (e == null) return "missing";
		if (e.isJsonObject()) return "an object";
		if (e.isJsonArray()) return "an array";
		if (e.isJsonNull()) return "null";
		String s = ReadGuard.printable(e.getAsString(), 40);
		return e.getAsJsonPrimitive().isString() ? "the string \"" + s + "\"" : "the value " + s;
	}

	/** The deepest nesting of arrays and objects in JSON text, strings skipped. */
	static int nesting(String text) {
		int depth = 0;
		int max = 0;
		boolean inString = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (inString) {
				if (c == '\\') i++;
				else if (c == '"') inString = false;
			}
			else if (c == '"') inString = true;
			else if (c == '[' || c == '{') max = Math.max(max, ++depth);
			else if (c == ']' || c == '}') depth--;
		}
		return max;
	}

	/** Gson's description of a syntax error without its exception class names. */
	private static String jsonProblem(JsonParseException e) {
		Throwable t = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause() : e;
		String m = String.valueOf(t.getMessage());
		int cut = m.indexOf("\nSee https://");
		return (cut > 0 ? m.substring(0, cut) : m).replaceAll("(com\\.google\\.gson\\.[A-Za-z.]*|java\\.[A-Za-z.]*)(: )?", "");
	}

	/** Bytes per value of a safetensors dtype, or 0 if unknown. */
	static int dtypeSize(String dtype) {
		switch (dtype) {
			case "F64": case "I64": case "U64": return 8;
			case "F32": case "I32": case "U32": return 4;
			case "F16": case "BF16": case "I16": case "U16": return 2;
			case "I8": case "U8": case "BOOL": case "F8_E4M3": case "F8_E5M2": return 1;
			default: return 0;
		}
	}

	/** The end of the data block: the largest end offset of any tensor. */
	long dataEnd() {
		long end = 0;
		for (Entry e : entries.values()) end = Math.max(end, e.end);
		return end;
	}

	/**
	 * The end offset of the {@code features.*} tensors if they form one contiguous block at the
	 * start of the data (how the safetensors writer orders them), else -1.
	 */
	long featuresPrefixEnd() {
		List<Entry> sorted = new ArrayList<>(entries.values());
		sorted.sort(Comparator.comparingLong((Entry e) -> e.begin).thenComparingLong(e -> e.end));
		long end = 0;
		boolean any = false;
		boolean inPrefix = true;
		for (Entry e : sorted) {
			boolean feature = e.name.startsWith("features.");
			if (feature && !inPrefix) return -1;
			if (feature) {
				if (e.begin != end) return -1;
				end = e.end;
				any = true;
			}
			else if (e.end > e.begin) {
				inPrefix = false;
			}
		}
		return any ? end : -1;
	}

	/** A header describing only the {@code features.*} tensors (offsets unchanged), padded to 8 bytes, with its length prefix. */
	byte[] featuresOnlyWithLength() {
		JsonObject root = new JsonObject();
		if (metadata != null) root.add(METADATA, metadata);
		for (Entry e : entries.values()) {
			if (!e.name.startsWith("features.")) continue;
			JsonObject t = new JsonObject();
			t.addProperty("dtype", e.dtype);
			JsonArray shape = new JsonArray();
			for (long d : e.shape) shape.add(d);
			t.add("shape", shape);
			JsonArray offsets = new JsonArray();
			offsets.add(e.begin);
			offsets.add(e.end);
			t.add("data_offsets", offsets);
			root.add(e.name, t);
		}
		return withLength(new Gson().toJson(root).getBytes(StandardCharsets.UTF_8));
	}

	/** The 8-byte little-endian length followed by {@code json} padded with spaces to a multiple of 8. */
	static byte[] withLength(byte[] json) {
		int padded = (json.length + 7) / 8 * 8;
		ByteBuffer out = ByteBuffer.allocate(8 + padded).order(ByteOrder.LITTLE_ENDIAN);
		out.putLong(padded);
		out.put(json);
		while (out.hasRemaining()) out.put((byte) ' ');
		return out.array();
	}
}
