package dev.hashring.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A table printed as aligned text: a header line, a rule, then one line per row, columns two spaces
 * apart. Columns are left-aligned unless {@linkplain #alignRight right-aligned} (for numbers).
 */
final class TextTable {

  private final String[] headers;
  private final boolean[] right;
  private final List<String[]> rows = new ArrayList<>();

  TextTable(String... headers) {
    this.headers = headers.clone();
    this.right = new boolean[headers.length];
  }

  /** Aligns column {@code column} (from 0) to the right. */
  TextTable alignRight(int column) {
    right[column] = true;
    return this;
  }

  /** Adds a row; missing cells are empty. */
  TextTable row(String... cells) {
    if (cells.length > headers.length) {
      throw new IllegalArgumentException(
          cells.length + " cells for " + headers.length + " columns: " + Arrays.toString(cells));
    }
    String[] row = new String[headers.length];
    Arrays.fill(row, "");
    System.arraycopy(cells, 0, row, 0, cells.length);
    rows.add(row);
    return this;
  }

  /** Prints the table. */
  void print(PrintStream out) {
    int[] widths = new int[headers.length];
    for (int c = 0; c < headers.length; c++) {
      widths[c] = headers[c].length();
      for (String[] row : rows) {
        widths[c] = Math.max(widths[c], row[c].length());
      }
    }
    out.println(line(headers, widths));
    String[] rule = new String[headers.length];
    for (int c = 0; c < headers.length; c++) {
      rule[c] = "-".repeat(widths[c]);
    }
    out.println(line(rule, widths));
    for (String[] row : rows) {
      out.println(line(row, widths));
    }
  }

  private String line(String[] cells, int[] widths) {
    StringBuilder line = new StringBuilder();
    for (int c = 0; c < cells.length; c++) {
      if (c > 0) {
        line.append("  ");
      }
      String pad = " ".repeat(widths[c] - cells[c].length());
      line.append(right[c] ? pad + cells[c] : cells[c] + pad);
    }
    return line.toString().stripTrailing();
  }
}
