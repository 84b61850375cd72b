package dev.hashring.hash;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * A tab-separated test resource next to this class: '#' lines are comments, the first other line
 * names the columns.
 */
public final class TsvResource {

  private final String name;
  private final List<String> columns;
  private final List<List<String>> rows;

  private TsvResource(String name, List<String> columns, List<List<String>> rows) {
    this.name = name;
    this.columns = columns;
    this.rows = rows;
  }

  /** Reads the resource {@code name} of the package {@code dev.hashring.hash}. */
  public static TsvResource read(String name) {
    List<String> columns = null;
    List<List<String>> rows = new ArrayList<>();
    try (InputStream in = TsvResource.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource dev/hashring/hash/" + name);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.startsWith("#") || line.isEmpty()) {
          continue;
        }
        List<String> cells = Arrays.asList(line.split("\t", -1));
        if (columns == null) {
          columns = List.copyOf(cells);
        } else if (cells.size() != columns.size()) {
          throw new IllegalStateException(name + ": " + cells.size() + " cells in: " + line);
        } else {
          rows.add(List.copyOf(cells));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (columns == null || rows.isEmpty()) {
      throw new IllegalStateException(name + " has no rows");
    }
    return new TsvResource(name, columns, List.copyOf(rows));
  }

  public List<String> columns() {
    return columns;
  }

  public List<List<String>> rows() {
    return rows;
  }

  public int column(String column) {
    int index = columns.indexOf(column);
    if (index < 0) {
      throw new IllegalArgumentException(name + " has no column " + column + ": " + columns);
    }
    return index;
  }

  /** A cell that holds a quoted string, without its quotes. */
  public static String unquote(String cell) {
    if (cell.length() < 2 || !cell.startsWith("\"") || !cell.endsWith("\"")) {
      throw new IllegalArgumentException("not a quoted cell: " + cell);
    }
    return cell.substring(1, cell.length() - 1);
  }

  /** A cell that holds bytes in hex. */
  public static byte[] hex(String cell) {
    return HexFormat.of().parseHex(cell);
  }
}
