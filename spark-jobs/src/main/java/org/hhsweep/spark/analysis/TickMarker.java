package org.hhsweep.spark.analysis;

import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import org.knowm.xchart.style.markers.Marker;

/** A short vertical line, the usual mark of a spike in a raster (XChart has no such marker). */
final class TickMarker extends Marker {
    private static final BasicStroke STROKE = new BasicStroke(1.5f);

    @Override
    public void paint(Graphics2D g, double x, double y, int size) {
        g.setStroke(STROKE);
        g.draw(new Line2D.Double(x, y - size / 2.0, x, y + size / 2.0));
    }
}
