package io.github.neuralstyle.fiji;

import org.scijava.command.Command;
import org.scijava.plugin.Plugin;

/**
 * The same command with every field in its dialog: the loss recipe (weights, layers, optimizer,
 * start, pooling, scales, seed), preview, result size and loss plot. Its macro keys are those of
 * {@link StyleTransferCommand}; a recording of this dialog names every key.
 */
@Plugin(type = Command.class, menuPath = "Plugins>Neural Style>Style Transfer (advanced)...",
	description = "Neural style transfer with every setting of the loss recipe")
public class AdvancedStyleTransferCommand extends StyleTransferCommand {

	@Override
	boolean showsRecipe() {
		return true;
	}
}
