package org.hhsweep.spark.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;

/** Checks that a PNG has the asked size and a real drawing on it, not a blank or near-blank canvas. */
final class Images {
    private Images() {
    }

    /** What an image holds: pixels unlike its corner (the background) and distinct colours. */
    record Ink(double fraction, int colours) {
    }

    static Ink ink(BufferedImage image) {
        int background = image.getRGB(0, 0);
        long inked = 0;
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                colours.add(rgb);
                if (rgb != background) {
                    inked++;
                }
            }
        }
        return new Ink((double) inked / ((long) image.getWidth() * image.getHeight()), colours.size());
    }

    /**
     * A PNG of width x height whose drawing covers at least minInk of it (axes and text alone
     * cover about 2% of an 800 x 600 chart) in more than a few colours (anti-aliased text alone
     * has dozens of greys; a blank or single-colour image has one or two).
     */
    static Ink assertDrawn(Path png, int width, int height, double minInk) throws IOException {
        assertTrue(Files.isRegularFile(png), png + " missing");
        BufferedImage image = ImageIO.read(png.toFile());
        assertNotNull(image, png + " is not an image ImageIO reads");
        assertEquals(width, image.getWidth(), png + " width");
        assertEquals(height, image.getHeight(), png + " height");
        Ink ink = ink(image);
        assertTrue(ink.fraction() >= minInk, png + ": only " + ink.fraction() + " of the pixels drawn");
        assertTrue(ink.colours() >= 16, png + ": only " + ink.colours() + " colours");
        return ink;
    }
}
