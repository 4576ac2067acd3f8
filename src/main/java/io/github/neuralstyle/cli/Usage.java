package io.github.neuralstyle.cli;

/** The --help text. */
final class Usage {

	private Usage() {}

	static final String TEXT = String.join("\n",
		"usage: neural-style --content FILE --style FILE --out FILE [options]",
		"       neural-style benchmark [--sizes 128,256,512] [--steps N] [--rounds N] [--optimizer adam|lbfgs] [--device ...] [--fork] [--no-baseline]",
		"                             [--model ID | --weights FILE]   (all benchmarks; default: seeded random VGG19)",
		"       neural-style benchmark --soak STEPS [--sizes 64]      memory over a long run",
		"       neural-style benchmark --tiled [--sizes 512,1024,2048] [--tile N] [--memory-budget SIZE]   tiled vs untiled",
		"       neural-style weights [--model ID | --weights FILE]   download and verify once, print the file (cluster jobs)",
		"       neural-style benchmark --quality [--size 512] [--ref-steps 300] [--candidates \"auto:600;25,25,300\"] [--content F --style F]",
		"",
		"Repaints the content image in the style of the style image (Gatys et al.), on the GPU when there is one.",
		"",
		"  --preset gatys|jcjohnson|pytorch-tutorial   recipe whose values the options below override (default gatys)",
		"  --model vgg19-caffe|vgg16-caffe|vgg19-torchvision   pretrained weights, downloaded once (default: the preset's)",
		"  --model random-vgg19|random-vgg16   seeded RANDOM weights, not pretrained: offline demos and benchmarks only",
		"  --weights FILE          local weights: Keras .h5, or .safetensors/.npz with torchvision names (never .pth)",
		"  --size N|full           working size, long side in px (16-8192; default 512); full: the content's own size",
		"  --tile N                tile core in px for runs larger than memory (0: automatic, only where needed; default 0)",
		"  --memory-budget SIZE    memory a step may use, e.g. 6g or 512m (default: 80% of the free memory)",
		"  --steps N               optimisation steps over all scales (default: preset's)",
		"  --scales N|auto         coarse-to-fine scales, each half the next (1-6, or auto: up to 3, the coarsest a quarter of --size; default auto)",
		"  --scale-steps a,b,c     steps of each scale, coarsest first (sets --scales and --steps)",
		"  --optimizer adam|lbfgs  --lr X   --history N   --line-search",
		"  --init content|noise|style|image   --init-image FILE   --seed N",
		"  --content-layers a,b:w  --style-layers a,b:w   layers conv1_1..conv5_4, relu1_1..relu5_4, pool1..pool5",
		"  --content-weight A  --style-weight B  --tv-weight G   total = A*content + B*style + G*tv",
		"  --pooling max|avg       --device auto|cpu|gpu",
		"  --save-every N          also write OUT-stepNNNN.png every N steps",
		"  --report-every N        read losses back every N steps (fewer device syncs)",
		"  --result-size content|working   --quiet   --help",
		"  --shard i/n             style shard i (0..n-1) of a sequence into an --out folder; default: SLURM's array task (docs/cluster.md)",
		"  --shard-overlap N       frames a chunk starts early for --temporal-weight (default 2)   --missing   list frames not yet written",
		"",
		"Reads images as Fiji shows them (16/32-bit through their display range, stacks: first plane). --out must end in",
		".png, .tif, .tiff, .jpg, .jpeg or .bmp and may not be an input, a link or a device; it is checked before the run.",
		"Prints a progress line per step and, last, one JSON line describing the run. Exit 2 on bad input; Ctrl-C or",
		"SIGTERM stop after the current step with exit 130 or 143 (see docs/troubleshooting.md, \"What happens when…\").",
		"");
}
