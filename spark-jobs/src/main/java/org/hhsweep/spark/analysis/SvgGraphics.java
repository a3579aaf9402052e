package org.hhsweep.spark.analysis;

import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.image.BufferedImage;

/**
 * VectorGraphics2D that fills shapes with a gradient itself, as an embedded image. VectorGraphics2D
 * 0.13 keeps a gradient paint active across later colour changes, so everything XChart drew after
 * its heat map colour bar (the scale's labels) came out in the gradient's colours. Here the
 * recorder only ever sees plain colours.
 */
final class SvgGraphics extends VectorGraphics2D {
    /** A paint other than a colour, applied by {@link #fill} alone; null when painting in a colour. */
    private Paint gradient;

    @Override
    public void setPaint(Paint paint) {
        if (paint instanceof Color c) {
            setColor(c);
        } else if (paint != null) {
            gradient = paint;
        }
    }

    @Override
    public Paint getPaint() {
        return gradient != null ? gradient : super.getPaint();
    }

    @Override
    public void setColor(Color c) {
        gradient = null;
        super.setColor(c);
    }

    @Override
    public void fill(Shape s) {
        if (gradient == null) {
            super.fill(s);
            return;
        }
        Rectangle r = s.getBounds();
        if (r.isEmpty()) {
            return;
        }
        BufferedImage image = new BufferedImage(r.width, r.height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.translate(-r.x, -r.y);
            g.setPaint(gradient);
            g.fill(s);
        } finally {
            g.dispose();
        }
        drawImage(image, r.x, r.y, null);
    }
}
