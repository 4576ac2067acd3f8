// sweep-weights.ijm: styles one content image at every combination of style weight
// (columns) and content weight (rows) and assembles the results into a labelled montage.
// Neural Style for Fiji, BSD-2-Clause.
//
// GUI: Plugins > Macros > Run... and choose this file; a dialog asks for the images and values.
// Headless:
//   ImageJ-linux64 --headless --console -batch sweep-weights.ijm \
//     "content=[/data/cells.png] style=[/data/waves.png] styleweights=[10,100,1000] contentweights=[1,5,25] output=[/data/sweep.png] iterations=200 size=256"
// Other Style Transfer keys given in the argument (preset, model, weights, device, ...) are passed on.
// The montage is saved as PNG, the stack of results (one labelled slice each) as TIFF next to it.

arg = getArgument();
if (arg == "") arg = askOptions();
contentFile = value(arg, "content", "");
styleFile = value(arg, "style", "");
output = value(arg, "output", "");
if (contentFile == "" || styleFile == "" || output == "")
	exit("sweep-weights: give content=[image file] style=[image file] output=[montage.png]");
styleWeights = split(value(arg, "styleweights", "10,100,1000"), ",");
contentWeights = split(value(arg, "contentweights", "1,5,25"), ",");

setBatchMode(true);
open(contentFile);
contentTitle = getTitle();
open(styleFile);
styleTitle = getTitle();
n = contentWeights.length * styleWeights.length;
ids = newArray(n);
labels = newArray(n);
i = 0;
for (r = 0; r < contentWeights.length; r++) {
	for (c = 0; c < styleWeights.length; c++) {
		before = getImageID();
		run("Style Transfer...", "content=[" + contentTitle + "] style=[" + styleTitle + "]"
			+ " contentweight=" + contentWeights[r] + " styleweight=" + styleWeights[c] + passOn(arg));
		ids[i] = getImageID(); // the result is the selected image; a failed run makes none
		if (ids[i] == before) exit("sweep-weights: FAILED at content weight " + contentWeights[r] + ", style weight "
			+ styleWeights[c] + "; the reason is in the Log");
		labels[i] = "content " + contentWeights[r] + ", style " + styleWeights[c];
		i++;
	}
}

// A labelled stack and a montage (rows: content weight, columns: style weight). Built with
// Image.copy/Image.paste, which need no dialog, so this part runs the same everywhere.
selectImage(ids[0]);
w = getWidth();
h = getHeight();
cols = styleWeights.length;
border = 4;
labelHeight = 16;
newImage("sweep", "RGB white", w, h, n);
stack = getImageID();
newImage("montage", "RGB white", cols * (w + border) + border,
	contentWeights.length * (h + labelHeight + border) + border, 1);
montage = getImageID();
for (i = 0; i < n; i++) {
	selectImage(ids[i]);
	Image.copy;
	close();
	selectImage(stack);
	setSlice(i + 1);
	Image.paste(0, 0);
	setMetadata("Label", labels[i]);
	selectImage(montage);
	x = border + (i % cols) * (w + border);
	y = border + floor(i / cols) * (h + labelHeight + border);
	Image.paste(x, y);
	setColor(0, 0, 0);
	setFont("SansSerif", 12);
	drawString(labels[i], x, y + h + labelHeight - 2);
}
Roi.remove;
saveAs("PNG", output);
selectImage(stack);
Roi.remove;
saveAs("Tiff", File.getDirectory(output) + File.getNameWithoutExtension(output) + "-stack.tif");
print("sweep-weights: montage of " + n + " results saved to " + output + " (columns: style weight "
	+ String.join(styleWeights) + "; rows: content weight " + String.join(contentWeights) + ")");
close("*");

function askOptions() {
	Dialog.create("Neural Style weight sweep");
	Dialog.addFile("Content image", "");
	Dialog.addFile("Style image", "");
	Dialog.addString("Style weights (columns)", "10,100,1000", 20);
	Dialog.addString("Content weights (rows)", "1,5,25", 20);
	Dialog.addFile("Save montage as (.png)", "");
	Dialog.addChoice("Preset", newArray("gatys", "jcjohnson", "pytorch-tutorial"));
	Dialog.addChoice("Model", newArray("preset", "vgg19-caffe", "vgg16-caffe", "vgg19-torchvision", "file"));
	Dialog.addFile("Weights file (model = file)", "");
	Dialog.addNumber("Iterations", 200);
	Dialog.addNumber("Size (long side, px)", 256);
	Dialog.addChoice("Device", newArray("auto", "cpu", "gpu"));
	Dialog.show();
	// d2s(n, 0): Dialog.getNumber() returns 200 as "200.0"
	return "content=[" + Dialog.getString() + "] style=[" + Dialog.getString() + "] styleweights=["
		+ Dialog.getString() + "] contentweights=[" + Dialog.getString() + "] output=[" + Dialog.getString()
		+ "] preset=" + Dialog.getChoice() + " model=" + Dialog.getChoice() + " weights=[" + Dialog.getString()
		+ "] iterations=" + d2s(Dialog.getNumber(), 0) + " size=" + d2s(Dialog.getNumber(), 0) + " device="
		+ Dialog.getChoice();
}

// The value of key in an ImageJ option string such as "content=[/my data/a.png] size=256".
function value(options, key, default) {
	return call("ij.Macro.getValue", options, key, default);
}

// " key=[value]" for every Style Transfer key present in the argument, except the swept weights.
function passOn(options) {
	keys = newArray("preset", "model", "weights", "iterations", "size", "tvweight", "optimizer",
		"learningrate", "init", "seed", "device", "pooling", "contentlayers", "stylelayers", "resultsize");
	s = "";
	for (k = 0; k < keys.length; k++) {
		v = value(options, keys[k], "");
		if (v != "") s = s + " " + keys[k] + "=[" + v + "]";
	}
	return s;
}
