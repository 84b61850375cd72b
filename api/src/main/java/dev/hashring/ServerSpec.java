package dev.hashring;

/** Reads the text form of a {@link Server}: {@code host:port[:weight][ name]}. */
final class ServerSpec {

  private static final String FORMAT = "host:port[:weight][ name]";

  private ServerSpec() {}

  static Server parse(String spec) {
    String text = spec.strip();
    if (text.isEmpty()) {
      throw problem("server spec must not be empty", spec);
    }
    int space = firstWhitespace(text);
    String address = space < 0 ? text : text.substring(0, space);
    String name = space < 0 ? null : text.substring(space).strip();

    String host;
    String numbers;
    if (address.startsWith("[")) {
      int close = address.indexOf(']');
      if (close < 0) {
        throw problem("unclosed '[' in server spec", spec);
      }
      host = address.substring(1, close);
      if (host.isEmpty()) {
        throw problem("host missing in server spec", spec);
      }
      if (host.indexOf(':') < 0) {
        throw problem("host is not a valid IPv6 address: '" + host + "' in server spec", spec);
      }
      String rest = address.substring(close + 1);
      if (rest.isEmpty()) {
        throw problem("port missing in server spec", spec);
      }
      if (rest.charAt(0) != ':') {
        throw problem("expected ':' after ']' in server spec", spec);
      }
      numbers = rest.substring(1);
    } else {
      if (address.indexOf(']') >= 0) {
        throw problem("']' without '[' in server spec", spec);
      }
      if (address.chars().filter(c -> c == ':').count() > 2) {
        throw problem(
            "an IPv6 address must be in brackets, as in [::1]:11211, in server spec", spec);
      }
      int colon = address.indexOf(':');
      if (colon < 0) {
        throw problem("port missing in server spec", spec);
      }
      host = address.substring(0, colon);
      if (host.isEmpty()) {
        throw problem("host missing in server spec", spec);
      }
      numbers = address.substring(colon + 1);
    }

    String hostProblem = HostSyntax.problem(host);
    if (hostProblem != null) {
      throw problem(hostProblem + " in server spec", spec);
    }
    int colon = numbers.indexOf(':');
    String portText = colon < 0 ? numbers : numbers.substring(0, colon);
    String weightText = colon < 0 ? null : numbers.substring(colon + 1);
    if (portText.isEmpty()) {
      throw problem("port missing in server spec", spec);
    }
    int port = number("port", portText, 1, 65535, spec);
    int weight =
        weightText == null
            ? Server.MIN_WEIGHT
            : number("weight", weightText, Server.MIN_WEIGHT, Server.MAX_WEIGHT, spec);
    return Server.create(host, port, weight, name);
  }

  private static int number(String what, String text, int min, int max, String spec) {
    if (!text.matches("-?[0-9]+")) {
      throw new IllegalArgumentException(
          what
              + " must be a number between "
              + min
              + " and "
              + max
              + ": '"
              + text
              + "' (server spec '"
              + spec
              + "', format "
              + FORMAT
              + ")");
    }
    long value;
    try {
      value = Long.parseLong(text);
    } catch (NumberFormatException tooLong) {
      value = Long.MAX_VALUE;
    }
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          what
              + " must be between "
              + min
              + " and "
              + max
              + ": "
              + text
              + " (server spec '"
              + spec
              + "')");
    }
    return (int) value;
  }

  private static int firstWhitespace(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (Character.isWhitespace(text.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  private static IllegalArgumentException problem(String message, String spec) {
    return new IllegalArgumentException(
        message + " '" + spec + "' (expected " + FORMAT + ", for example 10.0.0.1:11211:2)");
  }
}
