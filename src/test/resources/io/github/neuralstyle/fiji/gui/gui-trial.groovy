// gui-trial.groovy: tries the plugin as a new user would, in a real Fiji GUI (run by gui-trial.sh
// under Xvfb), and takes the screenshots in docs/images. Steps: open two images; Plugins > Neural
// Style > Style Transfer... with its defaults (offline: the weights download fails, error shown),
// then with a weights file; the advanced dialog with a preview; the Macro Recorder's line; close
// all and replay it; each bundled macro from its own dialog. Menu commands are run with
// IJ.doCommand, which is what a click on the menu item calls. Writes OUT/trial.txt and OUT/*.png.
#@ String out
#@ String weights
#@ String samples
#@ String macros
#@ String steps

import ij.IJ
import ij.WindowManager
import ij.gui.GenericDialog
import ij.plugin.frame.Recorder
import java.awt.Robot
import java.awt.Rectangle
import java.awt.Window
import java.awt.event.ActionEvent
import javax.imageio.ImageIO
import javax.swing.*

report = new StringBuilder()
def note(String s) { report.append(s).append('\n'); println("gui-trial: " + s) }

def shot(String name, Rectangle r) {
	Thread.sleep(600) // let Swing paint
	def img = new Robot().createScreenCapture(r)
	ImageIO.write(img, "png", new File(out, name + ".png"))
	note("screenshot " + name + ".png (" + r.width + "x" + r.height + ")")
}

def screen() { new Rectangle(java.awt.Toolkit.defaultToolkit.screenSize) }

def waitWindow(String titlePart, int seconds = 60) {
	for (int i = 0; i < seconds * 10; i++) {
		def w = Window.windows.find { it.showing && ((it.hasProperty("title") && it.title?.contains(titlePart))) }
		if (w != null) return w
		Thread.sleep(100)
	}
	throw new IllegalStateException("no window '" + titlePart + "' within " + seconds + " s; open: "
		+ Window.windows.findAll { it.showing }.collect { it.hasProperty("title") ? it.title : it.class.name })
}

// A dialog other than those given (SciJava's warning dialogs have no telling title).
def waitDialog(List others, int seconds = 120) {
	for (int i = 0; i < seconds * 10; i++) {
		def w = Window.windows.find { it.showing && it instanceof java.awt.Dialog && !others.contains(it) }
		if (w != null) return w
		Thread.sleep(100)
	}
	throw new IllegalStateException("no new dialog within " + seconds + " s; Log:\n" + IJ.getLog())
}

def waitImage(String title, int seconds = 300) {
	for (int i = 0; i < seconds * 10; i++) {
		def imp = WindowManager.getImage(title)
		if (imp != null && imp.window != null) return imp
		Thread.sleep(100)
	}
	throw new IllegalStateException("no image '" + title + "' within " + seconds + " s; Log:\n" + IJ.getLog())
}

def components(java.awt.Container c) {
	def all = []
	c.components.each { all << it; if (it instanceof java.awt.Container) all.addAll(components(it)) }
	all
}

// The input widget after the label that starts with `label` in a SciJava (Swing) dialog.
def field(Window w, String label) {
	def all = components(w)
	int i = all.findIndexOf { it instanceof JLabel && it.text?.startsWith(label) }
	if (i < 0) throw new IllegalStateException("no field '" + label + "'")
	all.subList(i + 1, all.size()).find { it instanceof JSpinner || it instanceof JComboBox || it instanceof JTextField }
}

def set(Window w, String label, value) {
	def f = field(w, label)
	SwingUtilities.invokeAndWait {
		if (f instanceof JSpinner) f.value = value
		else if (f instanceof JComboBox) f.selectedItem = (0..<f.itemCount).collect { f.getItemAt(it) }.find { "" + it == "" + value }
		else f.text = value
	}
}

def press(Window w, String text) {
	def b = components(w).find { (it instanceof AbstractButton && it.text == text)
		|| (it instanceof java.awt.Button && it.label?.trim() == text) }
	if (b instanceof AbstractButton) SwingUtilities.invokeLater { b.doClick() }
	else SwingUtilities.invokeLater { b.dispatchEvent(new ActionEvent(b, ActionEvent.ACTION_PERFORMED, text))
		b.actionListeners.each { it.actionPerformed(new ActionEvent(b, ActionEvent.ACTION_PERFORMED, text)) } }
}

def inBackground(Closure c) { Thread.start(c) }

// steps "macros": only step 6 (and a failed run, which must not be recorded).
if (steps == "macros") {
	IJ.run("Record...")
	IJ.openImage(new File(samples, "content-cells.png").path).show()
	IJ.runMacro('run("Style Transfer...", "iterations=abc");') // fails; must not reach the recorder
	inBackground { IJ.doCommand("Style Transfer...") }
	def d = waitWindow("Style Transfer")
	set(d, "Model", "file")
	set(d, "Weights file", "")
	press(d, "OK") // model=file without a file fails: reported, and must not be recorded either
	def e = waitDialog([d])
	press(e, "OK")
	Thread.sleep(1000)
	note("recorded after two failed runs: [" + Recorder.instance.text.trim() + "]")
}
else {
// 1. Two images, the content last (so it is the active one); start the recorder.
IJ.openImage(new File(samples, "style-waves.png").path).show()
IJ.openImage(new File(samples, "content-cells.png").path).show()
IJ.run("Record...")
Thread.sleep(1000)

// 2. The menu command with its defaults: model "preset" downloads weights, impossible offline.
inBackground { IJ.doCommand("Style Transfer...") }
def dialog = waitWindow("Style Transfer")
shot("dialog-defaults", dialog.bounds)
note("essentials dialog fields: " + components(dialog).findAll { it instanceof JLabel }.collect { it.text })
def combo = field(dialog, "Content image")
note("content choices: " + (0..<combo.itemCount).collect { combo.getItemAt(it).getClass().simpleName + ":" + combo.getItemAt(it) }
	+ ", selected " + combo.selectedItem + "; style selected " + field(dialog, "Style image").selectedItem) // active, another
press(dialog, "OK")
def error = waitDialog([dialog]) // SciJava's warning dialog with the reason
note("defaults offline: " + components(error).findAll { it instanceof JLabel || it instanceof java.awt.Label
	|| it instanceof java.awt.TextComponent || it instanceof javax.swing.text.JTextComponent }
	.collect { it.hasProperty("text") ? it.text : "" }.findAll { it }.join(" | "))
shot("error-offline", error.bounds)
press(error, "OK")
Thread.sleep(500)

// 3. Again, with a weights file and small values, as a user would after reading the message.
inBackground { IJ.doCommand("Style Transfer...") }
dialog = waitWindow("Style Transfer")
set(dialog, "Content image", "content-cells.png") // the defaults already (step 2); set as a user may
set(dialog, "Style image", "style-waves.png")
set(dialog, "Model", "file")
set(dialog, "Weights file", weights)
set(dialog, "Iterations", 60)
set(dialog, "Size", 256)
shot("dialog-essentials", dialog.bounds)
press(dialog, "OK")
Thread.sleep(4000)
shot("progress", screen())
def result = waitImage("content-cells-styled-by-style-waves")
Thread.sleep(500)
shot("result", result.window.bounds)
note("result: " + result.title + " " + result.width + "x" + result.height + " bitDepth " + result.bitDepth)

// 4. The advanced dialog, with a preview every 5 iterations.
inBackground { IJ.doCommand("Style Transfer (advanced)...") }
dialog = waitWindow("Style Transfer (advanced)")
shot("dialog-advanced", dialog.bounds)
set(dialog, "Content image", "content-cells.png")
set(dialog, "Style image", "style-waves.png")
set(dialog, "Model", "file")
set(dialog, "Weights file", weights)
set(dialog, "Size", 256)
set(dialog, "Preview every", 5)
set(dialog, "Iterations", 60)
press(dialog, "OK")
def preview = waitWindow("Neural Style preview")
Thread.sleep(3000)
shot("preview", screen())
note("preview window: " + preview.bounds.width + "x" + preview.bounds.height + " at " + preview.bounds.x + ","
	+ preview.bounds.y + "; ImageJ window " + IJ.instance.bounds)
waitImage("content-cells-styled-by-style-waves-1")

// 5. What the recorder wrote; close all; replay it.
def recorded = Recorder.instance.text
note("recorded:\n" + recorded)
IJ.run("Close All")
IJ.openImage(new File(samples, "style-waves.png").path).show()
IJ.openImage(new File(samples, "content-cells.png").path).show()
// A run that failed is recorded without options (it would open the dialog): left out.
def lines = recorded.readLines().findAll { it.trim() && !(it ==~ /run\("[^"]*"\);/) }
note("replaying " + lines.size() + " lines")
IJ.runMacro(lines.join("\n") + "\nprint('replayed: ' + nImages + ' images, selected ' + getTitle());")
note("Log after replay: " + IJ.log.readLines().findAll { it.startsWith("replayed") })

}

// 6. Each bundled macro from its own dialog (no argument), small values.
IJ.run("Close All")
def tmp = File.createTempDir()
def inDir = new File(tmp, "in"); inDir.mkdirs()
IJ.saveAs(IJ.openImage(new File(samples, "content-cells.png").path), "png", new File(inDir, "cells.png").path)
def style = new File(samples, "style-waves.png").path
def dialogs = [
	"batch-style.ijm"  : [strings: [inDir.path, style, new File(tmp, "batch").path, weights], numbers: [10, 64],
		choices: ["gatys", "file", "auto"]],
	"sweep-weights.ijm": [strings: [new File(samples, "content-cells.png").path, style, "10,1000", "1",
		new File(tmp, "sweep.png").path, weights], numbers: [10, 64], choices: ["gatys", "file", "auto"]],
	"animate.ijm"      : [strings: [new File(samples, "content-cells.png").path, style, new File(tmp, "movie").path,
		weights], numbers: [2, 5, 4, 64], choices: ["gatys", "file", "auto"]]]
dialogs.each { name, values ->
	IJ.log("\\Clear")
	def done = inBackground { IJ.runMacroFile(new File(macros, name).path) }
	def title = [("batch-style.ijm"): "Batch Neural Style", ("sweep-weights.ijm"): "Neural Style weight sweep",
		("animate.ijm"): "Neural Style animation"][name]
	def gd = waitWindow(title)
	if (name == "batch-style.ijm") shot("macro-dialog-batch-style", gd.bounds)
	SwingUtilities.invokeAndWait {
		gd.stringFields.eachWithIndex { f, i -> f.text = values.strings[i] }
		gd.numericFields.eachWithIndex { f, i -> f.text = "" + values.numbers[i] }
		gd.choices.eachWithIndex { c, i -> c.select(values.choices[i]) }
	}
	def ok = components(gd).find { it instanceof java.awt.Button && it.label?.trim() == "OK" }
	SwingUtilities.invokeAndWait { gd.actionPerformed(new ActionEvent(ok, ActionEvent.ACTION_PERFORMED, "OK")) }
	done.join(600000)
	note(name + " printed:\n" + IJ.log.readLines().findAll { it.startsWith(name.replace(".ijm", "")) || it.startsWith("Neural Style") }.join("\n"))
}

new File(out, "trial.txt").text = report.toString()
note("done")
System.exit(0)
