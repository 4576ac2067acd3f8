// The line Fiji's macro recorder wrote for the essentials dialog (Plugins > Neural Style >
// Style Transfer...), recorded in the real runtime (../shared/fiji/Fiji.app) under Xvfb by
// src/test/resources/io/github/neuralstyle/fiji/gui/gui-trial.groovy on 2026-11-28:
//   run("Style Transfer...", "content=content-cells.png style=style-waves.png preset=gatys model=file weights=/tmp/nsf/w.safetensors iterations=60 size=256 device=auto");
// The recipe keys are not written (the essentials dialog settles them at "preset" before the
// recorder looks), nor an empty "Save result to". Below, WEIGHTS stands for the weights file and
// iterations and size are made small for tests.
run("Style Transfer...", "content=content-cells.png style=style-waves.png preset=gatys model=file weights=WEIGHTS iterations=2 size=32 device=auto");
