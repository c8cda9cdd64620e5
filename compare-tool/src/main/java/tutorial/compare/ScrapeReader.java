package tutorial.compare;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/** Reads a target, a service's URL or a saved scrape, into a {@link Scrape}. */
public final class ScrapeReader implements AutoCloseable {

  /** {@code localhost:5001}, {@code 127.0.0.1:5001/metrics}: a URL without its scheme. */
  private static final Pattern HOST_AND_PORT = Pattern.compile("[A-Za-z0-9.-]+:[0-9]+(/.*)?");

  /** The largest scrape read: far above any real one, and a bound on what a reader holds. */
  static final int MAX_BYTES = 64 * 1024 * 1024;

  private final String authorization;
  private final OkHttpClient http =
      new OkHttpClient.Builder()
          .connectTimeout(Duration.ofSeconds(3))
          .readTimeout(Duration.ofSeconds(10))
          .build();

  /** {@code authorization}: the Authorization header sent to services, or null for none. */
  public ScrapeReader(String authorization) {
    this.authorization = authorization;
  }

  /**
   * A URL ({@code http://...}, or {@code host:port} without the scheme), else a file. {@code
   * /metrics} is added to a URL without a path. A URL is asked for {@code format}; a file's format
   * is read from its content.
   */
  public Scrape read(String target, Format format) throws TargetException {
    HttpUrl url = urlOf(target);
    if (url != null) {
      return fetch(url, format);
    }
    Path file = Path.of(target);
    if (!Files.isRegularFile(file)) {
      throw new TargetException(target + ": no such file, and not a URL");
    }
    return readFile(file, target, false);
  }

  /** The URL {@code target} names, or null if it names none (a file, then). */
  static HttpUrl urlOf(String target) {
    boolean url =
        target.startsWith("http://")
            || target.startsWith("https://")
            || (HOST_AND_PORT.matcher(target).matches() && !Files.exists(Path.of(target)));
    if (!url) {
      return null;
    }
    HttpUrl parsed = HttpUrl.parse(target.contains("://") ? target : "http://" + target);
    if (parsed == null || !parsed.encodedPath().equals("/")) {
      return parsed;
    }
    return parsed.newBuilder().encodedPath("/metrics").build();
  }

  /** A saved scrape, or with {@code expected} an expected one (see {@link #readExpected}). */
  Scrape readFile(Path file, String source, boolean expected) throws TargetException {
    byte[] content;
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw new TargetException(source + ": larger than " + MAX_BYTES / (1024 * 1024) + " MiB");
      }
      content = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new TargetException(source + ": cannot read: " + e.getMessage());
    }
    return expected ? readExpected(content, source) : read(content, source);
  }

  /** A scrape already in memory, as a service answered it. */
  public Scrape read(byte[] content, String source) throws TargetException {
    return parse(source, formatOf(content), "", content, false);
  }

  /**
   * An expected scrape: a tutorial step's file, or one given with {@code --expected}, in which
   * {@code <NUMBER>} stands for a value that differs from run to run.
   */
  public Scrape readExpected(byte[] content, String source) throws TargetException {
    return parse(source, formatOf(content), "", content, true);
  }

  /**
   * Protobuf's field tags are control characters, which a text scrape never holds; a text scrape
   * that ends in {@code # EOF} is OpenMetrics.
   */
  static Format formatOf(byte[] content) {
    for (byte b : content) {
      if (b >= 0 && b < 0x20 && b != '\n' && b != '\r' && b != '\t') {
        return Format.protobuf;
      }
    }
    String text = new String(content, StandardCharsets.UTF_8).strip();
    return text.endsWith("# EOF") ? Format.openmetrics : Format.text;
  }

  private Scrape fetch(HttpUrl url, Format format) throws TargetException {
    Request.Builder request = new Request.Builder().url(url).header("Accept", format.accept());
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    try (Response response = http.newCall(request.build()).execute()) {
      byte[] body = bodyOf(response, url);
      if (response.code() != 200) {
        String text = new String(body, StandardCharsets.UTF_8).strip();
        String hint =
            response.code() == 401
                ? " (give the service's METRICS_TOKEN, or METRICS_USERNAME and METRICS_PASSWORD)"
                : "";
        throw new TargetException(
            url
                + ": answered "
                + response.code()
                + (text.isEmpty() ? "" : ": " + shorten(text))
                + hint);
      }
      Format answered = Format.ofContentType(response.header("Content-Type"));
      String note =
          answered == format ? "" : "asked for " + format.title() + ", got " + answered.title();
      return parse(url.toString(), answered, note, body, false);
    } catch (ConnectException e) {
      throw new TargetException(url + ": nothing listens there (is the service running?)");
    } catch (UnknownHostException e) {
      throw new TargetException(url + ": unknown host " + url.host());
    } catch (SocketTimeoutException e) {
      throw new TargetException(url + ": no answer in time");
    } catch (IOException e) {
      throw new TargetException(url + ": " + e.getMessage());
    }
  }

  private static Scrape parse(
      String source, Format format, String note, byte[] content, boolean expected)
      throws TargetException {
    try {
      List<Family> families;
      if (format == Format.protobuf) {
        families = ProtobufParser.parse(content);
      } else if (expected) {
        families =
            TextFormatParser.parseExpected(new String(content, StandardCharsets.UTF_8), format);
      } else {
        families = TextFormatParser.parse(content, format);
      }
      return Scrape.of(source, format, note, families);
    } catch (InvalidExposition e) {
      throw new InvalidTarget(source, format, e.problems());
    } catch (IOException | IllegalArgumentException e) {
      throw new TargetException(
          source + ": not a " + format.title() + " scrape: " + e.getMessage());
    }
  }

  /** The answer's body, refused past {@link #MAX_BYTES} without reading more of it. */
  private static byte[] bodyOf(Response response, HttpUrl url) throws IOException, TargetException {
    okio.BufferedSource source = response.body().source();
    if (!source.request(MAX_BYTES + 1L)) {
      return source.readByteArray();
    }
    throw new TargetException(
        url + ": an answer larger than " + MAX_BYTES / (1024 * 1024) + " MiB");
  }

  /**
   * Closes the idle connections: a service stopping gracefully would wait for them, and the command
   * asks each service only once.
   */
  @Override
  public void close() {
    http.connectionPool().evictAll();
  }

  private static String shorten(String text) {
    String line = text.replace('\n', ' ');
    return line.length() > 200 ? line.substring(0, 200) + "..." : line;
  }
}
