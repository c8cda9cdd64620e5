package tutorial.compare;

import java.util.Locale;

/** The three formats a Prometheus server can ask a service's {@code /metrics} for. */
public enum Format {
  text("text 0.0.4", "text/plain; version=0.0.4; charset=utf-8"),
  openmetrics("OpenMetrics 1.0", "application/openmetrics-text; version=1.0.0; charset=utf-8"),
  protobuf(
      "protobuf",
      "application/vnd.google.protobuf;proto=io.prometheus.client.MetricFamily;encoding=delimited");

  private final String title;
  private final String accept;

  Format(String title, String accept) {
    this.title = title;
    this.accept = accept;
  }

  /** How the format is named in the output, e.g. {@code text 0.0.4}. */
  public String title() {
    return title;
  }

  /** The {@code Accept} header that asks client_java's scrape handler for this format. */
  public String accept() {
    return accept;
  }

  /** The format of an answer, from its {@code Content-Type}; text when the type says nothing. */
  static Format ofContentType(String contentType) {
    String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
    if (type.startsWith("application/openmetrics-text")) {
      return openmetrics;
    }
    if (type.startsWith("application/vnd.google.protobuf")) {
      return protobuf;
    }
    return text;
  }
}
