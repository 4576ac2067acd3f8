// The line the macro recorder wrote for "Style Transfer..." before the essentials dialog (every
// input except the empty "Save result to"); quoted in issue 11 from a recording in the real
// runtime (../shared/fiji/Fiji.app). Recorded macros of that form must go on replaying.
// WEIGHTS stands for the weights file; iterations and size are made small for tests.
run("Style Transfer...", "content=content-cells.png style=style-waves.png preset=gatys model=file weights=WEIGHTS iterations=2 size=32 scales=auto contentweight=preset styleweight=preset tvweight=preset optimizer=preset learningrate=preset init=preset seed=0 device=auto pooling=preset contentlayers=preset stylelayers=preset preview=0 resultsize=content plot=false");
