package org.hhsweep.spark.analysis;

import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.svg.SVGProcessor;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.nio.charset.StandardCharsets;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import org.hhsweep.spark.io.Signature;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * One image of one or more XChart charts stacked top to bottom (the traces plot has a panel per
 * neuron), written as PNG or SVG. XChart paints onto any Graphics2D: a BufferedImage for PNG,
 * VectorGraphics2D's command recorder for SVG, so both formats show the same drawing.
 */
public final class Figure {
    static {
        // Plots are drawn on servers and in CI: never look for a display.
        System.setProperty("java.awt.headless", "true");
    }

    private static final String PNG_METADATA_FORMAT = "javax_imageio_png_1.0";

    private final List<Chart<?, ?>> panels;
    private final int width;
    private final int height;
    private final int bottomExtra;

    private Figure(List<Chart<?, ?>> panels, int width, int height, int bottomExtra) {
        if (panels.isEmpty()) {
            throw new IllegalArgumentException("a figure needs at least one chart");
        }
        this.panels = List.copyOf(panels);
        this.width = width;
        this.height = height;
        this.bottomExtra = panels.size() > 1 ? bottomExtra : 0;
    }

    public static Figure of(Chart<?, ?> chart, int width, int height) {
        return new Figure(List.of(chart), width, height, 0);
    }

    /**
     * Charts stacked top to bottom, sharing the height evenly except that the bottom one gets
     * bottomExtra pixels more (for an axis title only it shows), so all plot areas match.
     */
    public static Figure stacked(List<? extends Chart<?, ?>> panels, int width, int height, int bottomExtra) {
        return new Figure(List.copyOf(panels), width, height, bottomExtra);
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** Writes the figure, signed (see {@link Signature}) so that later commands know it as theirs. */
    public void write(OutputStream out, ImageFormat format) throws IOException {
        if (format == ImageFormat.SVG) {
            VectorGraphics2D g = new SvgGraphics();
            paint(g);
            new SVGProcessor().getDocument(g.getCommands(), new PageSize(0, 0, width, height)).writeTo(out);
            // A comment after the root element is well-formed XML.
            out.write(("\n" + Signature.SVG_COMMENT + "\n").getBytes(StandardCharsets.UTF_8));
        } else {
            writePng(image(), out);
        }
    }

    private static void writePng(BufferedImage image, OutputStream out) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            ImageTypeSpecifier type = ImageTypeSpecifier.createFromRenderedImage(image);
            IIOMetadata metadata = writer.getDefaultImageMetadata(type, param);
            IIOMetadataNode text = new IIOMetadataNode("tEXtEntry");
            text.setAttribute("keyword", Signature.PNG_KEYWORD);
            text.setAttribute("value", Signature.PNG_TEXT);
            IIOMetadataNode chunk = new IIOMetadataNode("tEXt");
            chunk.appendChild(text);
            IIOMetadataNode root = new IIOMetadataNode(PNG_METADATA_FORMAT);
            root.appendChild(chunk);
            metadata.mergeTree(PNG_METADATA_FORMAT, root);
            writer.write(null, new IIOImage(image, null, metadata), param);
        } finally {
            writer.dispose();
        }
    }

    /** The figure as pixels. */
    public BufferedImage image() {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            paint(g);
        } finally {
            g.dispose();
        }
        return image;
    }

    private void paint(Graphics2D g) {
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        int n = panels.size();
        int shared = height - bottomExtra;
        for (int i = 0; i < n; i++) {
            int top = (int) ((long) shared * i / n);
            int bottom = i == n - 1 ? height : (int) ((long) shared * (i + 1) / n);
            Graphics2D panel = (Graphics2D) g.create(0, top, width, bottom - top);
            try {
                panels.get(i).paint(panel, width, bottom - top);
            } finally {
                panel.dispose();
            }
        }
    }
}
