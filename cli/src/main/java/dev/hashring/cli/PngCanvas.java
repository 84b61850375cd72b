package dev.hashring.cli;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** A {@link ChartCanvas} that paints a PNG with Java's own imaging (headless, no dependency). */
final class PngCanvas implements ChartCanvas {

  private final BufferedImage image;
  private final Graphics2D graphics;

  PngCanvas(int width, int height) {
    image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    graphics = image.createGraphics();
    graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    graphics.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    rect(0, 0, width, height, "#ffffff");
  }

  @Override
  public void rect(double x, double y, double width, double height, String fill) {
    graphics.setColor(Color.decode(fill));
    graphics.fill(new Rectangle2D.Double(x, y, width, height));
  }

  @Override
  public void line(double x1, double y1, double x2, double y2, String stroke, boolean dashed) {
    graphics.setColor(Color.decode(stroke));
    graphics.setStroke(
        dashed
            ? new BasicStroke(
                1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 3f}, 0f)
            : new BasicStroke(1f));
    graphics.draw(new Line2D.Double(x1, y1, x2, y2));
  }

  @Override
  public void text(
      double x, double y, String text, int size, boolean bold, Anchor anchor, String fill) {
    graphics.setColor(Color.decode(fill));
    graphics.setFont(new Font(Font.SANS_SERIF, bold ? Font.BOLD : Font.PLAIN, size));
    FontMetrics metrics = graphics.getFontMetrics();
    double width = metrics.stringWidth(text);
    double start = anchor == Anchor.START ? x : anchor == Anchor.MIDDLE ? x - width / 2 : x - width;
    graphics.drawString(text, (float) start, (float) y);
  }

  @Override
  public byte[] bytes() {
    graphics.dispose();
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", png);
    } catch (IOException impossible) {
      throw new UncheckedIOException("cannot encode the PNG in memory", impossible);
    }
    return png.toByteArray();
  }
}
