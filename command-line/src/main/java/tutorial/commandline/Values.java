package tutorial.commandline;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The readers of the values that settings take, each refusing what its setting cannot use with what
 * it allows instead, before anything starts: a port out of range, a host this machine cannot listen
 * on, a duration that is not positive, a URL that is not http(s), a file that cannot be read or
 * written.
 */
public final class Values {

  /** How long a host name may take to resolve before it is refused. */
  static final Duration RESOLVE_TIMEOUT = Duration.ofSeconds(1);

  private Values() {}

  /** A port to listen on, 0 to 65535; 0 lets the system pick a free one. */
  public static ITypeConverter<Integer> port() {
    return text -> {
      Integer port = integer(text);
      if (port == null || port < 0 || port > 65535) {
        throw refused(text, "is not a port: give 0 to 65535 (0 picks a free one)");
      }
      return port;
    };
  }

  /** A whole number of at least 1. */
  public static ITypeConverter<Integer> positiveInteger() {
    return text -> {
      Integer value = integer(text);
      if (value == null || value < 1) {
        throw refused(text, "is not a whole number of at least 1");
      }
      return value;
    };
  }

  /** A number above 0, such as {@code 20} or {@code 0.5}. */
  public static ITypeConverter<Double> positiveNumber() {
    return text -> {
      double value = number(text);
      if (!(value > 0) || Double.isInfinite(value)) {
        throw refused(text, "is not a number above 0");
      }
      return value;
    };
  }

  /** A number of at least 0, such as {@code 0} or {@code 0.05}. */
  public static ITypeConverter<Double> nonNegativeNumber() {
    return text -> {
      double value = number(text);
      if (!(value >= 0) || Double.isInfinite(value)) {
        throw refused(text, "is not a number of at least 0");
      }
      return value;
    };
  }

  /** A duration above zero, as people write them ({@code 500ms}, {@code 2s}, {@code 1m}). */
  public static ITypeConverter<Duration> positiveDuration() {
    return new DurationConverter();
  }

  /** An absolute http or https URL with a host, such as {@code https://api.github.com}. */
  public static ITypeConverter<String> httpUrl() {
    return text -> {
      try {
        URI uri = new URI(text.strip());
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
          return text.strip();
        }
      } catch (URISyntaxException e) {
        // refused below
      }
      throw refused(text, "is not an http(s) URL: give one like https://api.github.com");
    };
  }

  /**
   * An address of this machine to listen on, or a name that resolves to one: {@code 0.0.0.0} (every
   * address), {@code 127.0.0.1}, {@code localhost}, or one of its interfaces' addresses.
   */
  public static ITypeConverter<String> listenAddress() {
    return text -> {
      String host = text.strip();
      InetAddress address = resolve(text, host);
      if (!isOwn(address)) {
        throw refused(
            text,
            "is not an address of this machine: give one it can listen on, such as 0.0.0.0 (every"
                + " address) or 127.0.0.1");
      }
      return host;
    };
  }

  /** A file that exists and can be read. */
  public static ITypeConverter<Path> readableFile() {
    return text -> {
      Path file = Path.of(text);
      if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
        throw refused(
            text,
            Files.isDirectory(file)
                ? "is a folder, not a file"
                : Files.exists(file) ? "cannot be read" : "is no file");
      }
      return file;
    };
  }

  /**
   * A file to write: not a folder, and its folder exists and can be written, or can be made in the
   * nearest folder that exists.
   */
  public static ITypeConverter<Path> writableFile() {
    return text -> {
      Path file = Path.of(text).toAbsolutePath();
      Path folder = file.getParent();
      while (folder != null && !Files.exists(folder)) {
        folder = folder.getParent();
      }
      if (Files.isDirectory(file)
          || folder == null
          || !Files.isDirectory(folder)
          || !Files.isWritable(folder)) {
        throw refused(text, "cannot be written: give a file in a folder this user may write to");
      }
      return Path.of(text);
    };
  }

  private static InetAddress resolve(String text, String host) {
    if (host.isEmpty()) {
      throw refused(text, "is no host");
    }
    CompletableFuture<InetAddress> lookup =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return InetAddress.getByName(host);
              } catch (UnknownHostException e) {
                return null;
              }
            });
    try {
      InetAddress address = lookup.get(RESOLVE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      if (address == null) {
        throw refused(text, "is no address, and no name that resolves");
      }
      return address;
    } catch (TimeoutException e) {
      throw refused(text, "did not resolve within " + RESOLVE_TIMEOUT.toSeconds() + " s");
    } catch (ExecutionException e) {
      throw refused(text, "is no address, and no name that resolves");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw refused(text, "was not resolved");
    }
  }

  private static boolean isOwn(InetAddress address) {
    if (address.isAnyLocalAddress() || address.isLoopbackAddress()) {
      return true;
    }
    try {
      return NetworkInterface.getByInetAddress(address) != null;
    } catch (SocketException e) {
      return false;
    }
  }

  private static Integer integer(String text) {
    try {
      return Integer.valueOf(text.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static double number(String text) {
    try {
      return Double.parseDouble(text.strip());
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  static TypeConversionException refused(String text, String why) {
    return new TypeConversionException("'" + shortened(text) + "' " + why);
  }

  /** A value as a message shows it: on one line, and not longer than a line. */
  static String shortened(String text) {
    String line = text.replaceAll("\\p{Cntrl}", "?");
    return line.length() > 60 ? line.substring(0, 57) + "..." : line;
  }
}
