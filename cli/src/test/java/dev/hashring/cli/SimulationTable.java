package dev.hashring.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The table {@code simulate} prints, read back: the header cells, and each row's cells by column
 * name. Cells are separated by two or more spaces.
 */
final class SimulationTable {

  final List<String> header;
  final List<Map<String, String>> rows = new ArrayList<>();
  final List<String> rowLines = new ArrayList<>();

  SimulationTable(String output) {
    String[] lines = output.split("\n");
    int headerAt = -1;
    for (int i = 0; i + 1 < lines.length; i++) {
      if (lines[i].startsWith("selector ") && lines[i + 1].startsWith("--------")) {
        headerAt = i;
        break;
      }
    }
    if (headerAt < 0) {
      throw new AssertionError("no table in:\n" + output);
    }
    header = List.of(lines[headerAt].split(" {2,}"));
    for (int i = headerAt + 2; i < lines.length && !lines[i].isEmpty(); i++) {
      String[] cells = lines[i].split(" {2,}");
      Map<String, String> row = new LinkedHashMap<>();
      for (int c = 0; c < cells.length; c++) {
        row.put(header.get(c), cells[c]);
      }
      rows.add(row);
      rowLines.add(lines[i]);
    }
  }

  /** The row of a selector with the given option text. */
  Map<String, String> row(String selector, String options) {
    return rows.stream()
        .filter(row -> row.get("selector").equals(selector) && row.get("options").equals(options))
        .findFirst()
        .orElseThrow(
            () -> new AssertionError("no row " + selector + " " + options + " in " + rows));
  }

  /** A percentage cell as a share: {@code "61.5%"} is 0.615. */
  static double share(String cell) {
    if (!cell.endsWith("%")) {
      throw new AssertionError("not a percentage: '" + cell + "'");
    }
    return Double.parseDouble(cell.substring(0, cell.length() - 1)) / 100;
  }
}
