package dev.hashring.cli;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.Locale;

/** A {@link ChartCanvas} that writes SVG text: no dependency, and the same bytes every run. */
final class SvgCanvas implements ChartCanvas {

  private final int width;
  private final int height;
  private final StringBuilder body = new StringBuilder();

  SvgCanvas(int width, int height) {
    this.width = width;
    this.height = height;
    rect(0, 0, width, height, "#ffffff");
  }

  @Override
  public void rect(double x, double y, double w, double h, String fill) {
    body.append(
        String.format(
            Locale.ROOT,
            "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>%n",
            x,
            y,
            w,
            h,
            fill));
  }

  @Override
  public void line(double x1, double y1, double x2, double y2, String stroke, boolean dashed) {
    body.append(
        String.format(
            Locale.ROOT,
            "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"%s/>%n",
            x1,
            y1,
            x2,
            y2,
            stroke,
            dashed ? " stroke-dasharray=\"4 3\"" : ""));
  }

  @Override
  public void text(
      double x, double y, String text, int size, boolean bold, Anchor anchor, String fill) {
    body.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%d\"%s text-anchor=\"%s\" fill=\"%s\">%s</text>%n",
            x,
            y,
            size,
            bold ? " font-weight=\"bold\"" : "",
            anchor == Anchor.START ? "start" : anchor == Anchor.MIDDLE ? "middle" : "end",
            fill,
            escape(text)));
  }

  @Override
  public byte[] bytes() {
    String svg =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\""
            + width
            + "\" height=\""
            + height
            + "\" viewBox=\"0 0 "
            + width
            + " "
            + height
            + "\" font-family=\"sans-serif\">\n"
            + body
            + "</svg>\n";
    return svg.getBytes(UTF_8);
  }

  private static String escape(String text) {
    StringBuilder escaped = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> escaped.append("&lt;");
        case '>' -> escaped.append("&gt;");
        case '&' -> escaped.append("&amp;");
        case '"' -> escaped.append("&quot;");
        default -> escaped.append(c < 0x20 ? ' ' : c);
      }
    }
    return escaped.toString();
  }
}
