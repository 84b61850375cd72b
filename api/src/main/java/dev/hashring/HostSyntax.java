package dev.hashring;

/**
 * The syntax of a server's host: a host name, an IPv4 address, or an IPv6 address (without
 * brackets, optionally with a {@code %zone}). Nothing is resolved.
 */
final class HostSyntax {

  private static final int MAX_HOST_NAME = 253;
  private static final int MAX_LABEL = 63;

  private HostSyntax() {}

  /**
   * Why {@code host} is not a valid host.
   *
   * @return a message naming the problem, or {@code null} when the host is valid
   */
  static String problem(String host) {
    if (host.isEmpty()) {
      return "host must not be empty";
    }
    if (host.startsWith("[") || host.endsWith("]")) {
      return "host must be given without brackets: '" + host + "'";
    }
    if (host.indexOf(':') >= 0) {
      return isIpv6(host) ? null : "host is not a valid IPv6 address: '" + host + "'";
    }
    if (looksNumeric(host)) {
      return isIpv4(host) ? null : "host is not a valid IPv4 address: '" + host + "'";
    }
    return isHostName(host) ? null : "host is not a valid host name: '" + host + "'";
  }

  private static boolean looksNumeric(String host) {
    for (int i = 0; i < host.length(); i++) {
      char c = host.charAt(i);
      if (c != '.' && (c < '0' || c > '9')) {
        return false;
      }
    }
    return true;
  }

  static boolean isIpv4(String text) {
    String[] parts = text.split("\\.", -1);
    if (parts.length != 4) {
      return false;
    }
    for (String part : parts) {
      if (part.isEmpty() || part.length() > 3 || !allDigits(part)) {
        return false;
      }
      if (Integer.parseInt(part) > 255) {
        return false;
      }
    }
    return true;
  }

  private static boolean isIpv6(String text) {
    String address = text;
    int percent = text.indexOf('%');
    if (percent >= 0) {
      String zone = text.substring(percent + 1);
      if (zone.isEmpty() || !zone.chars().allMatch(HostSyntax::isZoneChar)) {
        return false;
      }
      address = text.substring(0, percent);
    }
    int gap = address.indexOf("::");
    if (gap >= 0 && address.indexOf("::", gap + 1) >= 0) {
      return false;
    }
    if (gap < 0) {
      return groups(address, true) == 8;
    }
    int head = groups(address.substring(0, gap), false);
    int tail = groups(address.substring(gap + 2), true);
    return head >= 0 && tail >= 0 && head + tail <= 7;
  }

  /**
   * Counts the 16-bit groups of a colon-separated run; an IPv4 address at the end counts as two.
   *
   * @return the count, or -1 when the run is malformed
   */
  private static int groups(String run, boolean mayEndInIpv4) {
    if (run.isEmpty()) {
      return 0;
    }
    String[] parts = run.split(":", -1);
    int count = 0;
    for (int i = 0; i < parts.length; i++) {
      String part = parts[i];
      if (mayEndInIpv4 && i == parts.length - 1 && part.indexOf('.') >= 0) {
        if (!isIpv4(part)) {
          return -1;
        }
        count += 2;
      } else if (part.isEmpty() || part.length() > 4 || !allHex(part)) {
        return -1;
      } else {
        count++;
      }
    }
    return count;
  }

  private static boolean isHostName(String host) {
    if (host.length() > MAX_HOST_NAME) {
      return false;
    }
    for (String label : host.split("\\.", -1)) {
      if (label.isEmpty() || label.length() > MAX_LABEL) {
        return false;
      }
      if (label.startsWith("-") || label.endsWith("-")) {
        return false;
      }
      for (int i = 0; i < label.length(); i++) {
        char c = label.charAt(i);
        boolean ok =
            (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || c == '-'
                || c == '_';
        if (!ok) {
          return false;
        }
      }
    }
    return true;
  }

  private static boolean isZoneChar(int c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '_'
        || c == '.'
        || c == '-';
  }

  private static boolean allDigits(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private static boolean allHex(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (Character.digit(text.charAt(i), 16) < 0) {
        return false;
      }
    }
    return true;
  }
}
