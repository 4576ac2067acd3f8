// animate.ijm: the optimisation as a movie. Frame k is the result after k*every iterations;
// the frames are stacked (slice labels give the iteration) and saved as a TIFF stack, an
// animated GIF and an AVI. Neural Style for Fiji, BSD-2-Clause.
//
// The command returns only its final image, so frame k is its own run of k*every iterations
// with the same seed: on the CPU runs are deterministic and a run of n iterations passes
// through the same images as the first n steps of a longer one. That costs
// every*frames*(frames+1)/2 iterations in all; keep size small. (The command line's
// --save-every N writes the frames of one run instead.)
//
// GUI: Plugins > Macros > Run... and choose this file; a dialog asks for the images and values.
// Headless:
//   ImageJ-linux64 --headless --console -batch animate.ijm \
//     "content=[/data/cells.png] style=[/data/waves.png] output=[/data/movie] frames=10 every=10 size=256 fps=5"
// writes /data/movie.tif, /data/movie.gif and /data/movie.avi. Other Style Transfer keys given
// in the argument (preset, model, weights, styleweight, device, ...) are passed on.

arg = getArgument();
if (arg == "") arg = askOptions();
contentFile = value(arg, "content", "");
styleFile = value(arg, "style", "");
output = value(arg, "output", "");
if (contentFile == "" || styleFile == "" || output == "")
	exit("animate: give content=[image file] style=[image file] output=[path without extension]");
frames = round(parseFloat(value(arg, "frames", "10"))); // also "10.0"
every = round(parseFloat(value(arg, "every", "10")));
fps = round(parseFloat(value(arg, "fps", "5")));

setBatchMode(true);
open(contentFile);
contentTitle = getTitle();
open(styleFile);
styleTitle = getTitle();
ids = newArray(frames);
for (k = 1; k <= frames; k++) {
	n = k * every;
	// passOn() before the number: after a number ImageJ reads a function's result as a number
	before = getImageID();
	run("Style Transfer...", "content=[" + contentTitle + "] style=[" + styleTitle + "]" + passOn(arg)
		+ " iterations=" + n);
	ids[k - 1] = getImageID(); // the result is the selected image; a failed run makes none
	if (ids[k - 1] == before) exit("animate: FAILED at frame " + k + "; the reason is in the Log");
	print("animate: frame " + k + "/" + frames + " (" + n + " iterations)");
}

// Frames into one labelled stack with Image.copy/Image.paste (no dialog, runs the same everywhere).
selectImage(ids[0]);
newImage("movie", "RGB black", getWidth(), getHeight(), frames);
movie = getImageID();
for (k = 1; k <= frames; k++) {
	selectImage(ids[k - 1]);
	Image.copy;
	close();
	selectImage(movie);
	setSlice(k);
	Image.paste(0, 0);
	setMetadata("Label", "iteration " + IJ.pad(k * every, 5));
}
Roi.remove;
Stack.setFrameRate(fps); // used by the GIF and AVI writers
saveAs("Tiff", output + ".tif");
run("AVI... ", "compression=PNG frame=" + fps + " save=[" + output + ".avi]");
saveAs("Gif", output + ".gif"); // ImageJ reduces RGB frames to 256 colours itself
print("animate: saved " + output + ".tif, .gif and .avi (" + frames + " frames, " + fps + " per second)");
close("*");

function askOptions() {
	Dialog.create("Neural Style animation");
	Dialog.addFile("Content image", "");
	Dialog.addFile("Style image", "");
	Dialog.addString("Save as (path without extension)", "", 30);
	Dialog.addNumber("Frames", 10);
	Dialog.addNumber("Iterations per frame", 10);
	Dialog.addNumber("Frames per second", 5);
	Dialog.addChoice("Preset", newArray("gatys", "jcjohnson", "pytorch-tutorial"));
	Dialog.addChoice("Model", newArray("preset", "vgg19-caffe", "vgg16-caffe", "vgg19-torchvision", "file"));
	Dialog.addFile("Weights file (model = file)", "");
	Dialog.addNumber("Size (long side, px)", 256);
	Dialog.addChoice("Device", newArray("auto", "cpu", "gpu"));
	Dialog.show();
	// d2s(n, 0): Dialog.getNumber() returns 10 as "10.0"
	return "content=[" + Dialog.getString() + "] style=[" + Dialog.getString() + "] output=["
		+ Dialog.getString() + "] frames=" + d2s(Dialog.getNumber(), 0) + " every=" + d2s(Dialog.getNumber(), 0)
		+ " fps=" + d2s(Dialog.getNumber(), 0) + " preset=" + Dialog.getChoice() + " model=" + Dialog.getChoice()
		+ " weights=[" + Dialog.getString() + "] size=" + d2s(Dialog.getNumber(), 0) + " device=" + Dialog.getChoice();
}

// The value of key in an ImageJ option string such as "content=[/my data/a.png] size=256".
function value(options, key, default) {
	return call("ij.Macro.getValue", options, key, default);
}

// " key=[value]" for every Style Transfer key present in the argument (iterations is set per frame).
function passOn(options) {
	keys = newArray("preset", "model", "weights", "size", "contentweight", "styleweight", "tvweight",
		"optimizer", "learningrate", "init", "seed", "device", "pooling", "contentlayers", "stylelayers",
		"resultsize");
	s = "";
	for (k = 0; k < keys.length; k++) {
		v = value(options, keys[k], "");
		if (v != "") s = s + " " + keys[k] + "=[" + v + "]";
	}
	return s;
}
