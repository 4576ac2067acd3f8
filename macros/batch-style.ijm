// batch-style.ijm: styles every image of a folder with one style image, saving
// <output>/<name>-styled.png for each. Neural Style for Fiji, BSD-2-Clause.
//
// GUI: Plugins > Macros > Run... and choose this file; a dialog asks for the folders.
// Headless (Fiji's launcher; keys in the argument, no dialog):
//   ImageJ-linux64 --headless --console -batch batch-style.ijm \
//     "input=[/data/cells] style=[/data/waves.png] output=[/data/styled] preset=gatys iterations=300 size=512"
// Other Style Transfer keys given in the argument (model, weights, styleweight, device, ...)
// are passed on to every run; docs/parameters.md lists them.

arg = getArgument();
if (arg == "") arg = askOptions();
input = folder(value(arg, "input", ""));
styleFile = value(arg, "style", "");
output = folder(value(arg, "output", ""));
if (input == "" || styleFile == "" || output == "")
	exit("batch-style: give input=[folder] style=[image file] output=[folder]");
if (!File.exists(output)) File.makeDirectory(output);

setBatchMode(true);
open(styleFile);
styleTitle = getTitle();
files = getFileList(input);
done = 0;
for (i = 0; i < files.length; i++) {
	path = input + File.separator + files[i];
	// the style image may live in the same folder: it is not styled itself
	if (!isImageFile(files[i]) || File.getName(path) == File.getName(styleFile)) continue;
	open(path);
	contentTitle = getTitle();
	saveTo = output + File.separator + File.getNameWithoutExtension(path) + "-styled.png";
	run("Style Transfer...", "content=[" + contentTitle + "] style=[" + styleTitle + "]"
		+ passOn(arg) + " output=[" + saveTo + "]");
	print("batch-style: " + files[i] + " -> " + saveTo);
	close("*-styled-by-*"); // the result, already saved
	close(contentTitle);
	done++;
}
close(styleTitle);
print("batch-style: styled " + done + " images into " + output);

function askOptions() {
	Dialog.create("Batch Neural Style");
	Dialog.addDirectory("Images to style", "");
	Dialog.addFile("Style image", "");
	Dialog.addDirectory("Save results in", "");
	Dialog.addChoice("Preset", newArray("gatys", "jcjohnson", "pytorch-tutorial"));
	Dialog.addNumber("Iterations", 300);
	Dialog.addNumber("Size (long side, px)", 512);
	Dialog.show();
	return "input=[" + Dialog.getString() + "] style=[" + Dialog.getString() + "] output=["
		+ Dialog.getString() + "] preset=" + Dialog.getChoice() + " iterations=" + Dialog.getNumber()
		+ " size=" + Dialog.getNumber();
}

// The value of key in an ImageJ option string such as "input=[/my data] size=256".
function value(options, key, default) {
	return call("ij.Macro.getValue", options, key, default);
}

// " key=[value]" for every Style Transfer key present in the argument.
function passOn(options) {
	keys = newArray("preset", "model", "weights", "iterations", "size", "contentweight", "styleweight",
		"tvweight", "optimizer", "learningrate", "init", "seed", "device", "pooling", "contentlayers",
		"stylelayers", "resultsize");
	s = "";
	for (k = 0; k < keys.length; k++) {
		v = value(options, keys[k], "");
		if (v != "") s = s + " " + keys[k] + "=[" + v + "]";
	}
	return s;
}

function folder(path) {
	while (lengthOf(path) > 1 && (endsWith(path, "/") || endsWith(path, "\\")))
		path = substring(path, 0, lengthOf(path) - 1);
	return path;
}

function isImageFile(name) {
	name = toLowerCase(name);
	ext = newArray(".tif", ".tiff", ".png", ".jpg", ".jpeg", ".bmp", ".gif");
	for (e = 0; e < ext.length; e++) if (endsWith(name, ext[e])) return true;
	return false;
}
