package dev.hashring.cli;

/**
 * Where {@link LoadChart} draws: rectangles, lines and text in pixels from the top left, colours as
 * {@code #rrggbb}. One drawing, two outputs: {@link SvgCanvas} and {@link PngCanvas}.
 */
interface ChartCanvas {

  /** Where text is anchored: its start, middle or end at the given x. */
  enum Anchor {
    START,
    MIDDLE,
    END
  }

  void rect(double x, double y, double width, double height, String fill);

  void line(double x1, double y1, double x2, double y2, String stroke, boolean dashed);

  void text(double x, double y, String text, int size, boolean bold, Anchor anchor, String fill);

  /** The finished image, in the canvas's file format. */
  byte[] bytes();
}
