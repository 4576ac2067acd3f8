// controls-trial.groovy: tries the controls of issue 15 as a user would, in a real Fiji GUI
// (under Xvfb, started like gui-trial.sh starts gui-trial.groovy): the advanced dialog with a
// second style, luminance-only colours and label-image regions; the Macro Recorder's line;
// close all and replay it (the replay must give the same pixels); regions from the ROI
// Manager, which exists only with a display. Writes OUT/controls-trial.txt and screenshots.
#@ String out
#@ String weights
#@ String samples

import ij.IJ
import ij.ImagePlus
import ij.WindowManager
import ij.gui.Roi
import ij.plugin.frame.Recorder
import ij.plugin.frame.RoiManager
import java.awt.Rectangle
import java.awt.Robot
import java.awt.Window
import java.awt.event.ActionEvent
import javax.imageio.ImageIO
import javax.swing.*

report = new StringBuilder()
def note(String s) { report.append(s).append('\n'); println("controls-trial: " + s) }

def shot(String name, Rectangle r) {
	Thread.sleep(600)
	ImageIO.write(new Robot().createScreenCapture(r), "png", new File(out, name + ".png"))
	note("screenshot " + name + ".png (" + r.width + "x" + r.height + ")")
}

def waitWindow(String title, int seconds = 600) {
	for (int i = 0; i < seconds * 10; i++) {
		def w = Window.windows.find { it.showing && it.hasProperty("title") && it.title?.startsWith(title) }
		if (w != null) return w
		Thread.sleep(100)
	}
	throw new IllegalStateException("no window '" + title + "'; Log:\n" + IJ.getLog())
}

def waitImage(String title, int seconds = 600) {
	for (int i = 0; i < seconds * 10; i++) {
		def imp = WindowManager.getImage(title)
		if (imp != null && imp.window != null) return imp
		Thread.sleep(100)
	}
	throw new IllegalStateException("no image '" + title + "'; Log:\n" + IJ.getLog())
}

def components(java.awt.Container c) {
	def all = []
	c.components.each { all << it; if (it instanceof java.awt.Container) all.addAll(components(it)) }
	all
}

def field(Window w, String label) {
	def all = components(w)
	int i = all.findIndexOf { it instanceof JLabel && it.text?.trim() == label }
	if (i < 0) throw new IllegalStateException("no field '" + label + "'")
	all.subList(i + 1, all.size()).find { it instanceof JSpinner || it instanceof JComboBox || it instanceof JTextField }
}

def set(Window w, String label, value) {
	def f = field(w, label)
	SwingUtilities.invokeAndWait {
		if (f instanceof JSpinner) f.value = value
		else if (f instanceof JComboBox) {
			def item = (0..<f.itemCount).collect { f.getItemAt(it) }.find { "" + it == "" + value }
			if (item == null) throw new IllegalStateException(label + ": no choice '" + value + "'")
			f.selectedItem = item
		}
		else f.text = value
	}
}

def press(Window w, String text) {
	def b = components(w).find { it instanceof AbstractButton && it.text == text }
	SwingUtilities.invokeLater { b.doClick() }
}

def pixels(ImagePlus imp) { (int[]) imp.getProcessor().getPixels().clone() } // not imp.processor: Groovy takes isProcessor()

def open(String name) { def imp = IJ.openImage(new File(samples, name).path); imp.show(); imp }

// 1. Content, two styles and the label image open; the content last (active); recorder on.
open("style-waves.png")
open("style-mosaic.png")
open("labels-cells.png")
open("content-cells.png")
IJ.run("Record...")
Thread.sleep(1000)

// 2. The advanced dialog as a user fills it.
Thread.start { IJ.doCommand("Style Transfer (advanced)...") }
def dialog = waitWindow("Style Transfer (advanced)")
note("advanced dialog fields: " + components(dialog).findAll { it instanceof JLabel }.collect { it.text })
shot("controls-dialog", dialog.bounds)
set(dialog, "Content image", "content-cells.png")
set(dialog, "Style image", "style-waves.png")
set(dialog, "Style image 2", "style-mosaic.png")
set(dialog, "Style blend", "1,1")
set(dialog, "Original colours", "luminance")
set(dialog, "Style regions from", "labels")
set(dialog, "Label image", "labels-cells.png")
set(dialog, "Region styles", "auto")
set(dialog, "Model", "file")
set(dialog, "Weights file", weights)
set(dialog, "Iterations", 20)
set(dialog, "Size (long side, px)", 128)
set(dialog, "Optimizer", "adam")
press(dialog, "OK")
def first = waitImage("content-cells-styled-by-style-waves")
note("result: " + first.title + " " + first.width + "x" + first.height)
note("info: " + first.getInfoProperty().readLines().findAll { it.startsWith("Neural Style controls") })
shot("controls-result", first.window.bounds)
def firstPixels = pixels(first)

// 3. The recorder's line; close all; replay it on the same images.
def recorded = Recorder.instance.text
note("recorded:\n" + recorded)
IJ.run("Close All")
open("style-waves.png")
open("style-mosaic.png")
open("labels-cells.png")
open("content-cells.png")
def line = recorded.readLines().find { it.startsWith("run(\"Style Transfer (advanced)...\"") }
IJ.runMacro(line)
def replay = waitImage("content-cells-styled-by-style-waves")
int differing = 0
def rp = pixels(replay)
for (int i = 0; i < rp.length; i++) if (rp[i] != firstPixels[i]) differing++
note("replay: " + replay.title + ", pixels differing from the dialog run: " + differing + " of " + rp.length)

// 4. Regions from the ROI Manager (a window: only with a display).
def rm = RoiManager.getRoiManager()
rm.reset()
rm.addRoi(new Roi(0, 0, 60, 200))
rm.addRoi(new ij.gui.OvalRoi(80, 40, 80, 80))
IJ.selectWindow("content-cells.png")
IJ.runMacro("run('Style Transfer (advanced)...', 'content=content-cells.png style=style-waves.png style2=style-mosaic.png styleblend=1,1"
	+ " regions=roimanager regionstyles=1:style,2:style2 model=file weights=[" + weights + "] iterations=5 size=64 optimizer=adam');")
def fromManager = waitImage("content-cells-styled-by-style-waves-1")
note("ROI Manager run: " + fromManager.getInfoProperty().readLines().findAll { it.startsWith("Neural Style controls") })
note("Log:\n" + IJ.getLog())
new File(out, "controls-trial.txt").text = report.toString()
System.exit(0)
