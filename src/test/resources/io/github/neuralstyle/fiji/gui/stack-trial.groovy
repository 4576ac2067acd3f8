// stack-trial.groovy: tries styling a time-lapse as a Fiji user would, in a real Fiji GUI under
// Xvfb (run like gui-trial.groovy, see gui-trial.sh): open the sample time-lapse and a style,
// Plugins > Neural Style > Style Transfer... with Planes "frames" and a range; watch the status
// bar; a second run over all frames stopped with Esc in the middle; what the recorder wrote;
// the advanced dialog's temporal weight. Writes OUT/stack-trial.txt and OUT/stack-*.png.
#@ String out
#@ String weights
#@ String samples

import ij.IJ
import ij.WindowManager
import ij.plugin.frame.Recorder
import java.awt.Robot
import java.awt.Rectangle
import java.awt.Window
import java.awt.event.ActionEvent
import java.awt.event.KeyEvent
import javax.imageio.ImageIO
import javax.swing.*

report = new StringBuilder()
def note(String s) { report.append(s).append('\n'); println("stack-trial: " + s) }

def shot(String name, Rectangle r) {
	Thread.sleep(600)
	ImageIO.write(new Robot().createScreenCapture(r), "png", new File(out, name + ".png"))
	note("screenshot " + name + ".png")
}

def waitWindow(String titlePart, int seconds = 120) {
	for (int i = 0; i < seconds * 10; i++) {
		def w = Window.windows.find { it.showing && it.hasProperty("title") && it.title?.contains(titlePart) }
		if (w != null) return w
		Thread.sleep(100)
	}
	throw new IllegalStateException("no window '" + titlePart + "'")
}

def components(java.awt.Container c) {
	def all = []
	c.components.each { all << it; if (it instanceof java.awt.Container) all.addAll(components(it)) }
	all
}

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
	def b = components(w).find { it instanceof AbstractButton && it.text == text }
	SwingUtilities.invokeLater { b.doClick() }
}

// ImageJ's status bar text (what the user reads at the bottom of the ImageJ window)
def status() { IJ.instance.@statusLine?.text }

def dialogRun(String range, int iterations) {
	Thread.start { IJ.doCommand("Style Transfer...") }
	def d = waitWindow("Style Transfer")
	set(d, "Content image", "timelapse-cells.tif")
	set(d, "Style image", "style-waves.png")
	set(d, "Planes", "frames")
	set(d, "Range", range)
	set(d, "Model", "file")
	set(d, "Weights file", weights)
	set(d, "Iterations", iterations)
	set(d, "Size", 64)
	d
}

IJ.openImage(new File(samples, "style-waves.png").path).show()
IJ.openImage(new File(samples, "timelapse-cells.tif").path).show()
IJ.run("Record...")
Thread.sleep(1000)

// 1. Frames 1-4 from the essentials dialog; the status bar while it runs.
def d = dialogRun("1-4", 20)
note("essentials dialog fields: " + components(d).findAll { it instanceof JLabel }.collect { it.text })
shot("stack-dialog", d.bounds)
press(d, "OK")
def seen = new LinkedHashSet()
def result = null
boolean shown = false
for (int i = 0; i < 18000 && result == null; i++) { // up to 30 min: a loaded 2-core machine is slow
	def s = status()
	if (s?.startsWith("Neural Style: frame")) seen << s.replaceAll(", loss .*", "")
	if (seen.size() == 3 && !shown) {
		shot("stack-progress", IJ.instance.bounds)
		shown = true
	}
	result = WindowManager.getImage("timelapse-cells-styled-by-style-waves")
	Thread.sleep(100)
}
def sample = seen.toList()
note("status lines seen (" + sample.size() + "): " + (sample.size() > 8 ? sample[0..3] + " … " + sample[-4..-1] : sample))
Thread.sleep(1000)
note("result: " + result.title + " " + result.width + "x" + result.height + " c" + result.NChannels + " z" + result.NSlices
	+ " t" + result.NFrames + ", frame interval " + result.calibration.frameInterval + " " + result.calibration.timeUnit
	+ ", hyperstack " + result.hyperStack + ", window " + (result.window != null))
shot("stack-result", result.window.bounds)

// 2. All frames; Esc pressed on the ImageJ window once frame 3 is running.
int before = WindowManager.imageCount
d = dialogRun("", 40)
press(d, "OK")
for (int i = 0; i < 6000 && !(status()?.startsWith("Neural Style: frame 3/16")); i++) Thread.sleep(100)
note("pressing Esc at: " + status())
SwingUtilities.invokeAndWait { IJ.instance.toFront(); WindowManager.getImage("timelapse-cells.tif").window.toFront() }
def robot = new Robot()
robot.keyPress(KeyEvent.VK_ESCAPE); robot.keyRelease(KeyEvent.VK_ESCAPE)
Thread.sleep(8000)
note("after Esc: images " + before + " -> " + WindowManager.imageCount + ", status '" + status() + "', Log: "
	+ IJ.log.readLines().findAll { it.contains("cancelled") })
note("dialogs open after Esc: " + Window.windows.findAll { it.showing && it instanceof java.awt.Dialog }.collect { it.title })

// 3. What the recorder wrote.
note("recorded:\n" + Recorder.instance.text)

// 4. The advanced dialog's temporal weight.
Thread.start { IJ.doCommand("Style Transfer (advanced)...") }
d = waitWindow("Style Transfer (advanced)")
note("advanced: Temporal weight field shows '" + field(d, "Temporal weight").text + "'")
shot("stack-dialog-advanced", d.bounds)
press(d, "Cancel")

new File(out, "stack-trial.txt").text = report.toString()
note("done")
System.exit(0)
