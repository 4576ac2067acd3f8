// batch-style.ijm: styles every image of a folder with one style image, saving
// <output>/<name>-styled.png for each. Neural Style for Fiji, BSD-2-Clause.
//
// GUI: Plugins > Macros > Run... and choose this file; a dialog asks for the folders.
// Headless (Fiji's launcher; keys in the argument, no dialog):
//   ImageJ-linux64 --headless --console -batch batch-style.ijm \
//     "input=[/data/cells] style=[/data/waves.png] output=[/data/styled] preset=gatys iterations=300 size=512"
// Other Style Transfer keys given in the argument (model, weights, styleweight, device, ...)
// are passed on to every run; keys left out take their documented defaults (docs/parameters.md).
// A run that fails (e.g. an image too small) is reported and the batch goes on with the next image.

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
failed = "";
for (i = 0; i < files.length; i++) {
	path = input + File.separator + files[i];
	// the style image may live in the same folder: it is not styled itself
	if (!isImageFile(files[i]) || File.getName(path) == File.getName(styleFile)) continue;
	open(path);
	content = getImageID();
	contentTitle = getTitle();
	saveTo = output + File.separator + File.getNameWithoutExtension(path) + "-styled.png";
	run("Style Transfer...", "content=[" + contentTitle + "] style=[" + styleTitle + "]"
		+ passOn(arg) + " output=[" + saveTo + "]");
	// The result is the selected image; a failed run makes none (its reason is in the Log).
	if (getImageID() == content) {
		print("batch-style: FAILED " + files[i] + " (the reason is in the Log above)");
		failed = failed + " " + files[i];
	} else {
		print("batch-style: " + files[i] + " -> " + saveTo);
		close(); // the result, already saved
		done++;
	}
	selectImage(content);
	close();
}
close(styleTitle);
if (failed == "") print("batch-style: styled " + done + " images into " + output);
else print("batch-style: styled " + done + " images into " + output + "; FAILED:" + failed);

function askOptions() {
	Dialog.create("Batch Neural Style");
	Dialog.addDirectory("Images to style", "");
	Dialog.addFile("Style image", "");
	Dialog.addDirectory("Save results in", "");
	Dialog.addChoice("Preset", newArray("gatys", "jcjohnson", "pytorch-tutorial"));
	Dialog.addChoice("Model", newArray("preset", "vgg19-caffe", "vgg16-caffe", "vgg19-torchvision", "file"));
	Dialog.addFile("Weights file (model = file)", "");
	Dialog.addNumber("Iterations", 300);
	Dialog.addNumber("Size (long side, px)", 512);
	Dialog.addChoice("Device", newArray("auto", "cpu", "gpu"));
	Dialog.show();
	// d2s(n, 0): Dialog.getNumber() returns 300 as "300.0"
	return "input=[" + Dialog.getString() + "] style=[" + Dialog.getString() + "] output=["
		+ Dialog.getString() + "] preset=" + Dialog.getChoice() + " model=" + Dialog.getChoice() + " weights=["
		+ Dialog.getString() + "] iterations=" + d2s(Dialog.getNumber(), 0) + " size=" + d2s(Dialog.getNumber(), 0)
		+ " device=" + Dialog.getChoice();
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
