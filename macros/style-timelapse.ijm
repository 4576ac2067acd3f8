// style-timelapse.ijm: styles every frame of a time-lapse (or every slice of a z-stack) with one
// style image, without flicker: each frame starts from the previous styled frame moved along the
// optical flow and is held to it (temporal weight; temporal=0 styles frames on their own).
// Saves the styled stack as a TIFF (the content's frames, calibration and frame interval) and
// an animated GIF. Neural Style for Fiji, BSD-2-Clause.
//
// Try it on the bundled sample (16 frames, 128x96):
// GUI: Plugins > Macros > Run... and choose this file; a dialog asks for the files and values.
// Headless (Fiji's launcher; keys in the argument, no dialog):
//   ImageJ-linux64 --headless --console -batch style-timelapse.ijm \
//     "content=[/path/to/sample-data/timelapse-cells.tif] style=[/path/to/sample-data/style-waves.png] output=[/data/cells-waves] size=128 iterations=200"
// writes /data/cells-waves.tif and /data/cells-waves.gif. Other Style Transfer keys given in
// the argument are passed on: range=3-10 (frames to style), temporal=0, preset, model, weights,
// styleweight, device, ... (docs/parameters.md); keys left out take their documented defaults.

arg = getArgument();
if (arg == "") arg = askOptions();
contentFile = value(arg, "content", "");
styleFile = value(arg, "style", "");
output = value(arg, "output", "");
if (contentFile == "" || styleFile == "" || output == "")
	exit("style-timelapse: give content=[time-lapse file] style=[image file] output=[path without extension]");

setBatchMode(true);
open(contentFile);
contentTitle = getTitle();
getDimensions(width, height, channels, slices, frames);
// a time-lapse styles its frames; a stack whose planes are slices (one frame) its slices
planes = "frames";
count = frames;
if (frames == 1) {
	planes = "slices";
	count = slices;
}
open(styleFile);
styleTitle = getTitle();
before = getImageID();
range = value(arg, "range", "");
what = "all " + count + " " + planes;
if (range != "") what = planes + " " + range + " of " + count;
print("style-timelapse: styling " + what + " of " + contentTitle + " (" + width + "x" + height + ")");
run("Style Transfer...", "content=[" + contentTitle + "] style=[" + styleTitle + "] planes=" + planes + passOn(arg));
// The result is the selected image; a failed or cancelled run makes none (the reason is in the Log).
if (getImageID() == before) exit("style-timelapse: FAILED; the reason is in the Log");
getDimensions(width, height, channels, slices, frames);
saveAs("Tiff", output + ".tif");
if (frames > 1) Stack.setFrameRate(5); // the GIF's speed: 5 frames per second
saveAs("Gif", output + ".gif"); // ImageJ reduces RGB frames to 256 colours itself
print("style-timelapse: saved " + output + ".tif and .gif (" + slices + " slices, " + frames + " frames, "
	+ width + "x" + height + ")");
close("*");

function askOptions() {
	Dialog.create("Style a time-lapse");
	Dialog.addFile("Time-lapse (e.g. sample-data/timelapse-cells.tif)", "");
	Dialog.addFile("Style image", "");
	Dialog.addString("Save as (path without extension)", "", 30);
	Dialog.addString("Frames (e.g. 3-10; empty for all)", "");
	Dialog.addNumber("Temporal weight (0 = frames on their own)", 10000);
	Dialog.addNumber("Iterations (first frame; later ones half)", 200);
	Dialog.addNumber("Size (long side, px)", 128);
	Dialog.addChoice("Preset", newArray("gatys", "jcjohnson", "pytorch-tutorial"));
	Dialog.addChoice("Model", newArray("preset", "vgg19-caffe", "vgg16-caffe", "vgg19-torchvision", "file"));
	Dialog.addFile("Weights file (model = file)", "");
	Dialog.addChoice("Device", newArray("auto", "cpu", "gpu"));
	Dialog.show();
	// d2s(n, 0): Dialog.getNumber() returns 200 as "200.0"
	return "content=[" + Dialog.getString() + "] style=[" + Dialog.getString() + "] output=["
		+ Dialog.getString() + "] range=[" + Dialog.getString() + "] temporal=" + Dialog.getNumber()
		+ " iterations=" + d2s(Dialog.getNumber(), 0) + " size=" + d2s(Dialog.getNumber(), 0)
		+ " preset=" + Dialog.getChoice() + " model=" + Dialog.getChoice() + " weights=[" + Dialog.getString()
		+ "] device=" + Dialog.getChoice();
}

// The value of key in an ImageJ option string such as "content=[/my data/a.tif] size=256".
function value(options, key, default) {
	return call("ij.Macro.getValue", options, key, default);
}

// " key=[value]" for every Style Transfer key present in the argument.
function passOn(options) {
	keys = newArray("range", "temporal", "preset", "model", "weights", "iterations", "size", "scales",
		"contentweight", "styleweight", "tvweight", "optimizer", "learningrate", "init", "seed", "device",
		"pooling", "contentlayers", "stylelayers", "resultsize");
	s = "";
	for (k = 0; k < keys.length; k++) {
		v = value(options, keys[k], "");
		if (v != "") s = s + " " + keys[k] + "=[" + v + "]";
	}
	return s;
}
