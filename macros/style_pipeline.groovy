#@ File (label = "Content image", style = "open") contentFile
#@ File (label = "Style image", style = "open") styleFile
#@ File (label = "Save result to (.png or .tif)", style = "save") outputFile
#@ String (label = "Preset", choices = {"gatys", "jcjohnson", "pytorch-tutorial", "gatys-2016", "keras-vgg16", "coursera"}, value = "gatys") preset
#@ Integer (label = "Iterations", value = 300, min = 1) iterations
#@ Integer (label = "Size (long side, px)", value = 512, min = 16) size
#@ String (label = "Style weight", value = "preset") styleweight
#@ String (label = "Model", value = "preset") model
#@ File (label = "Weights file (model = file)", required = false) weightsFile
#@ String (label = "Device", choices = {"auto", "cpu", "gpu"}, value = "auto") device
#@ String (label = "Planes of a stack", choices = {"current", "slices", "frames", "all"}, value = "current") planes
#@ CommandService commands
#@ LogService log
#@output ij.ImagePlus result

// style_pipeline.groovy: Neural Style for Fiji's command from a script, for pipelines.
// Neural Style for Fiji, BSD-2-Clause.
//
// Headless, from Fiji's launcher (script parameters as key=value pairs):
//   ImageJ-linux64 --headless --console --run style_pipeline.groovy \
//     'contentFile="/data/cells.png",styleFile="/data/waves.png",outputFile="/data/out/cells-waves.png",preset="gatys",iterations=300,size=512,styleweight="preset",model="preset",device="auto",planes="current"'
// The command runs through SciJava's CommandService, so it needs no ImageJ 1.x macro layer.
// Every input is given explicitly: inputs left out would take values the dialog remembered
// from earlier interactive runs, and a pipeline must not depend on those.

import ij.IJ

def content = IJ.openImage(contentFile.absolutePath)
def style = IJ.openImage(styleFile.absolutePath)
if (content == null || style == null) throw new IllegalArgumentException("cannot open ${content == null ? contentFile : styleFile}")

def inputs = [
	content: content, style: style, preset: preset, model: model, weights: weightsFile,
	iterations: iterations, scales: "auto", size: size, contentweight: "preset", styleweight: styleweight,
	tvweight: "preset", optimizer: "preset", learningrate: "preset", init: "preset", seed: 0L,
	device: device, pooling: "preset", contentlayers: "preset", stylelayers: "preset",
	preview: 0, resultsize: "content", output: outputFile, plot: false,
	memorybudget: "auto",
	planes: planes, range: "", temporal: "10000",
	style2: null, style3: null, styleblend: "1", stylescale: "1", originalcolors: "none", regions: "none", labels: null,
	regionstyles: "auto", styleregions: "none", initimage: null, tvpower: "preset", tolerance: "preset", shard: "none"
]
def module = commands.run("io.github.neuralstyle.fiji.StyleTransferCommand", true, inputs).get()
if (module.isCanceled()) throw new IllegalStateException(module.getCancelReason())
result = module.getOutput("result")
log.info("style_pipeline: ${result.title} (${result.width}x${result.height}) saved to ${outputFile}")
