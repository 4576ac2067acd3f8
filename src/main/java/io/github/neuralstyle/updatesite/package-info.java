/** JDK-only generator of the Fiji update site (db.xml.gz plus timestamped files) that ships the plugin. */
package io.github.neuralstyle.updatesite;
