package org.hhsweep.spark.analysis;

import java.util.Locale;

/** The image formats a figure is written in: PNG (default) and SVG. */
public enum ImageFormat {
    PNG, SVG;

    public String extension() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ImageFormat parse(String s) {
        for (ImageFormat f : values()) {
            if (f.extension().equalsIgnoreCase(s)) {
                return f;
            }
        }
        throw new PlotException("--format must be png or svg, got " + s);
    }

    /** The format a file name's extension names, or null for another extension. */
    public static ImageFormat ofFileName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (ImageFormat f : values()) {
            if (lower.endsWith("." + f.extension())) {
                return f;
            }
        }
        return null;
    }
}
