// style-shard.ijm: styles one shard of a stack's planes into a folder, for a SLURM job array
// (docs/cluster.md, "Headless Fiji on the array"). Each array task runs, headless:
//   ImageJ-linux64 --headless --console -batch style-shard.ijm \
//     "content=[/shared/movie.tif] style=[/shared/waves.png] output=[/shared/styled] size=512 iterations=300"
// shard=auto (the default here) takes the shard from SLURM_ARRAY_TASK_ID and SLURM_ARRAY_TASK_COUNT;
// give shard=i/n to choose it yourself (shard=0/1: every plane). Each plane is written as
// <content name>-NNNN.png (its stack index), the names the command line's --out folder uses, with the
// settings in .neural-style.json: a rerun keeps the planes already there, so a failed or preempted
// task is simply submitted again, and `neural-style --missing` checks the folder.
// planes= frames (default; slices for a z-stack), slices or all; other Style Transfer keys in the
// argument are passed on (docs/parameters.md). Neural Style for Fiji, BSD-2-Clause.

arg = getArgument();
contentFile = value(arg, "content", "");
styleFile = value(arg, "style", "");
output = value(arg, "output", "");
if (contentFile == "" || styleFile == "" || output == "")
	exit("style-shard: give content=[stack file] style=[image file] output=[folder shared by all shards]");

setBatchMode(true);
open(contentFile);
contentTitle = getTitle();
getDimensions(width, height, channels, slices, frames);
planes = value(arg, "planes", "");
if (planes == "" && frames == 1) planes = "slices";
if (planes == "") planes = "frames";
open(styleFile);
styleTitle = getTitle();
before = getImageID();
shard = value(arg, "shard", "auto");
print("style-shard: shard=" + shard + " of the " + planes + " of " + contentTitle + " into " + output);
run("Style Transfer...", "content=[" + contentTitle + "] style=[" + styleTitle + "] planes=" + planes + " shard=" + shard
	+ " output=[" + output + "]" + passOn(arg));
// A failed run makes no image and says why in the Log; so does a shard that owns no planes.
if (getImageID() == before) print("style-shard: no planes styled by this task (see the Neural Style lines above)");
else print("style-shard: done, " + nSlices + " planes of this shard in " + output);
close("*");

// The value of key in an ImageJ option string such as "content=[/my data/a.tif] size=256".
function value(options, key, default) {
	return call("ij.Macro.getValue", options, key, default);
}

// " key=[value]" for every Style Transfer key present in the argument.
function passOn(options) {
	keys = newArray("range", "temporal", "preset", "model", "weights", "iterations", "size", "scales",
		"contentweight", "styleweight", "tvweight", "optimizer", "learningrate", "init", "seed", "device",
		"pooling", "contentlayers", "stylelayers", "resultsize", "memorybudget", "tvpower", "tolerance");
	s = "";
	for (k = 0; k < keys.length; k++) {
		v = value(options, keys[k], "");
		if (v != "") s = s + " " + keys[k] + "=[" + v + "]";
	}
	return s;
}
