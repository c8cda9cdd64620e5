package tutorial.compare;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Expositions by the section of their format's specification whose rule they keep or break: the
 * OpenMetrics 1.0 headings, and for the text format 0.0.4 those of Prometheus's
 * exposition_formats.md. A valid case must be read; an invalid one refused at its line, for its
 * rule. {@link OpenMetricsSpecTest} reads them with this project's reader, {@link
 * PythonReferenceTest} with the Python client's.
 *
 * @param line 0 for a valid case; else the line of the first problem
 * @param rule words of the reason, for an invalid case
 */
record ExpositionCases(
    String section, String name, Format format, byte[] content, int line, String rule) {

  boolean valid() {
    return line == 0;
  }

  String text() {
    return new String(content, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return section + ": " + name + " (" + format + ", " + (valid() ? "valid" : "invalid") + ")";
  }

  private static final List<ExpositionCases> ALL = new ArrayList<>();

  private static void valid(String section, String name, Format format, String text) {
    ALL.add(new ExpositionCases(section, name, format, bytes(text), 0, null));
  }

  private static void invalid(
      String section, String name, Format format, String text, int line, String rule) {
    ALL.add(new ExpositionCases(section, name, format, bytes(text), line, rule));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static List<ExpositionCases> all() {
    return List.copyOf(ALL);
  }

  private static final Format OM = Format.openmetrics;
  private static final Format TEXT = Format.text;

  static {
    // ---- OpenMetrics 1.0 ----
    String s = TextFormatParser.STRUCTURE;
    valid(s, "an empty exposition", OM, "# EOF\n");
    valid(s, "# EOF without its newline", OM, "# TYPE a gauge\na 1\n# EOF");
    valid(
        s,
        "the specification's example of a complete exposition",
        OM,
        """
        # TYPE acme_http_router_request_seconds summary
        # UNIT acme_http_router_request_seconds seconds
        # HELP acme_http_router_request_seconds Latency though all of ACME's HTTP request router.
        acme_http_router_request_seconds_sum{path="/api/v1",method="GET"} 9036.32
        acme_http_router_request_seconds_count{path="/api/v1",method="GET"} 807283.0
        acme_http_router_request_seconds_created{path="/api/v1",method="GET"} 1605281325.0
        acme_http_router_request_seconds_sum{path="/api/v2",method="POST"} 479.3
        acme_http_router_request_seconds_count{path="/api/v2",method="POST"} 34.0
        acme_http_router_request_seconds_created{path="/api/v2",method="POST"} 1605281325.0
        # TYPE go_goroutines gauge
        # HELP go_goroutines Number of goroutines that currently exist.
        go_goroutines 69
        # TYPE process_cpu_seconds counter
        # UNIT process_cpu_seconds seconds
        # HELP process_cpu_seconds Total user and system CPU time spent in seconds.
        process_cpu_seconds_total 4.20072246e+06
        # EOF
        """);
    invalid(s, "no # EOF", OM, "# TYPE a gauge\na 1\n", 2, "no # EOF at the end");
    invalid(
        s, "a line after # EOF", OM, "# TYPE a gauge\na 1\n# EOF\nb 2\n", 4, "text after # EOF");
    invalid(s, "a blank line", OM, "# TYPE a gauge\n\na 1\n# EOF\n", 2, "a blank line");
    invalid(s, "a carriage return", OM, "# TYPE a gauge\r\na 1\n# EOF\n", 1, "a carriage return");
    invalid(s, "a byte order mark", OM, "\uFEFF# TYPE a gauge\na 1\n# EOF\n", 1, "byte order mark");
    invalid(s, "a comment", OM, "# TYPE a gauge\n# a comment\na 1\n# EOF\n", 2, "a comment");
    ALL.add(
        new ExpositionCases(
            s,
            "bytes that are not UTF-8",
            OM,
            new byte[] {
              'a',
              ' ',
              '1',
              '\n',
              'b',
              '{',
              'l',
              '=',
              '"',
              (byte) 0xff,
              '"',
              '}',
              ' ',
              '1',
              '\n',
              '#',
              ' ',
              'E',
              'O',
              'F',
              '\n'
            },
            2,
            "not UTF-8"));

    String abnf = TextFormatParser.ABNF;
    valid(
        abnf,
        "numbers in every written form",
        OM,
        "# TYPE a gauge\na{n=\"1\"} 1\na{n=\"2\"} -1.5\na{n=\"3\"} 1e3\na{n=\"4\"} 2.5E-3\n"
            + "a{n=\"5\"} .5\na{n=\"6\"} 5.\na{n=\"7\"} +Inf\na{n=\"8\"} -Inf\na{n=\"9\"} NaN\n"
            + "a{n=\"10\"} inf\na{n=\"11\"} -Infinity\na{n=\"12\"} 0042\n# EOF\n");
    valid(
        abnf,
        "names with colons and digits",
        OM,
        "# TYPE job:a_b2:rate gauge\njob:a_b2:rate 1\n# EOF\n");
    invalid(
        abnf, "two spaces before the value", OM, "# TYPE a gauge\na  1\n# EOF\n", 2, "two spaces");
    invalid(
        abnf, "a space at the end", OM, "# TYPE a gauge\na 1 \n# EOF\n", 2, "a space at the end");
    invalid(
        abnf,
        "an underscore in a number",
        OM,
        "# TYPE a gauge\na 1_000\n# EOF\n",
        2,
        "is not a number");
    invalid(
        abnf, "a hexadecimal number", OM, "# TYPE a gauge\na 0x10\n# EOF\n", 2, "is not a number");
    invalid(abnf, "no value", OM, "# TYPE a gauge\na\n# EOF\n", 2, "no value after the series");
    invalid(
        abnf, "TYPE without a type", OM, "# TYPE a\na 1\n# EOF\n", 1, "needs a name and a value");
    invalid(
        abnf,
        "a label value without quotes",
        OM,
        "# TYPE a gauge\na{b=c} 1\n# EOF\n",
        2,
        "expected '\"'");
    invalid(
        abnf,
        "a label value not closed",
        OM,
        "# TYPE a gauge\na{b=\"c} 1\n# EOF\n",
        2,
        "not closed");
    invalid(
        abnf,
        "a name starting with a digit",
        OM,
        "# TYPE 1a gauge\n# EOF\n",
        1,
        "is not a metric name");
    invalid(
        abnf,
        "a label name with a dash",
        OM,
        "# TYPE a gauge\na{b-c=\"d\"} 1\n# EOF\n",
        2,
        "expected '='");
    invalid(
        abnf,
        "a comma before }",
        OM,
        "# TYPE a gauge\na{b=\"c\",} 1\n# EOF\n",
        2,
        "a comma before }");
    invalid(
        abnf,
        "blanks inside the labels",
        OM,
        "# TYPE a gauge\na{b=\"c\", d=\"e\"} 1\n# EOF\n",
        2,
        "expected a label name");

    String label = TextFormatParser.LABEL;
    valid(
        label,
        "escapes, UTF-8 and an empty label set",
        OM,
        "# TYPE a gauge\n# HELP a Größe \\\"quoted\\\" \\\\ and\\nlines\n"
            + "a{path=\"C:\\\\dir \\\"x\\\"\\nnext\",city=\"Zürich\"} 1\na{} 2\n# EOF\n");
    invalid(
        label,
        "a label twice",
        OM,
        "# TYPE a gauge\na{b=\"1\",b=\"2\"} 1\n# EOF\n",
        2,
        "the label `b` twice");
    invalid(
        label,
        "a reserved label name",
        OM,
        "# TYPE a gauge\na{_b=\"1\"} 1\n# EOF\n",
        2,
        "names beginning with _ are reserved");

    String family = TextFormatParser.FAMILY;
    valid(family, "a family without samples", OM, "# TYPE a gauge\n# HELP a A gauge\n# EOF\n");
    valid(
        family,
        "families one after another, without metadata",
        OM,
        "a 1\nb 2\n# TYPE c gauge\nc 3\n# EOF\n");
    invalid(
        family,
        "a family's lines split",
        OM,
        "# TYPE a gauge\na 1\n# TYPE b gauge\nb 1\na{x=\"1\"} 2\n# EOF\n",
        5,
        "stay together");
    invalid(
        family,
        "a family's name twice",
        OM,
        "# TYPE a gauge\na 1\n# TYPE b gauge\nb 1\n# TYPE a gauge\n# EOF\n",
        5,
        "its name is unique");
    invalid(
        family,
        "names that clash",
        OM,
        "# TYPE a counter\na_total 1\n# TYPE a_created gauge\na_created 1\n# EOF\n",
        3,
        "both would write `a_created`");
    invalid(
        family,
        "a reserved family name",
        OM,
        "# TYPE _a gauge\n_a 1\n# EOF\n",
        1,
        "family names beginning with _ are reserved");
    invalid(
        TextFormatParser.COUNTER,
        "a counter sample without its suffix",
        OM,
        "# TYPE a counter\na 1\n# EOF\n",
        2,
        "not one of the counter `a`'s samples");

    String metadata = TextFormatParser.METADATA;
    valid(
        metadata,
        "TYPE, UNIT and HELP",
        OM,
        "# TYPE a_seconds counter\n# UNIT a_seconds seconds\n# HELP a_seconds Time.\na_seconds_total 1\n# EOF\n");
    valid(
        metadata,
        "an empty HELP and UNIT",
        OM,
        "# TYPE a gauge\n# HELP a \n# UNIT a \na 1\n# EOF\n");
    invalid(
        metadata,
        "a second TYPE",
        OM,
        "# TYPE a gauge\n# TYPE a counter\n# EOF\n",
        2,
        "a second TYPE");
    invalid(
        metadata, "a second HELP", OM, "# HELP a one\n# HELP a two\n# EOF\n", 2, "a second HELP");
    invalid(
        metadata,
        "a second UNIT",
        OM,
        "# TYPE a_s gauge\n# UNIT a_s s\n# UNIT a_s s\n# EOF\n",
        3,
        "a second UNIT");
    invalid(
        metadata,
        "metadata after samples",
        OM,
        "# TYPE a gauge\na 1\n# HELP a late\n# EOF\n",
        3,
        "metadata for `a` after its samples");
    invalid(
        metadata,
        "a unit that is not the name's suffix",
        OM,
        "# TYPE a counter\n# UNIT a seconds\na_total 1\n# EOF\n",
        2,
        "the name ends in _seconds");
    invalid(
        metadata,
        "the text format's untyped",
        OM,
        "# TYPE a untyped\na 1\n# EOF\n",
        1,
        "none of OpenMetrics' types");
    invalid(
        metadata,
        "a unit on a stateset",
        OM,
        "# TYPE a_s stateset\n# UNIT a_s s\na_s{a_s=\"x\"} 1\n# EOF\n",
        2,
        "a UNIT for the stateset");

    String metric = TextFormatParser.METRIC;
    valid(
        metric,
        "one metric's points at rising times",
        OM,
        "# TYPE a gauge\na 1 100\na 2 200\n# EOF\n");
    invalid(
        metric,
        "a series twice",
        OM,
        "# TYPE a gauge\na{b=\"1\"} 1\na{b=\"1\"} 2\n# EOF\n",
        3,
        "twice");
    invalid(
        metric,
        "a metric's lines split",
        OM,
        "# TYPE a summary\na_count{b=\"1\"} 1\na_count{b=\"2\"} 1\na_sum{b=\"1\"} 1\n# EOF\n",
        4,
        "a metric's lines stay together");

    String counter = TextFormatParser.COUNTER;
    valid(
        counter,
        "a total and its created",
        OM,
        "# TYPE a counter\na_total 0\na_created 1.7e9\na_total{b=\"1\"} 2.5\na_created{b=\"1\"} 1.7e9\n# EOF\n");
    invalid(
        counter,
        "a negative total",
        OM,
        "# TYPE a counter\na_total -1\n# EOF\n",
        2,
        "is never negative");
    invalid(counter, "a NaN total", OM, "# TYPE a counter\na_total NaN\n# EOF\n", 2, "never NaN");

    String histogram = TextFormatParser.HISTOGRAM;
    valid(
        histogram,
        "buckets, count, sum and created",
        OM,
        "# TYPE a histogram\na_bucket{le=\"0.1\"} 1\na_bucket{le=\"1.0\"} 3\na_bucket{le=\"+Inf\"} 4\n"
            + "a_count 4\na_sum 2.5\na_created 1.7e9\n# EOF\n");
    valid(
        histogram,
        "buckets alone",
        OM,
        "# TYPE a histogram\na_bucket{le=\"1\"} 0\na_bucket{le=\"+Inf\"} 2\n# EOF\n");
    valid(
        histogram,
        "buckets below 0 without a sum",
        OM,
        "# TYPE a histogram\na_bucket{le=\"-1\"} 1\na_bucket{le=\"+Inf\"} 2\n# EOF\n");
    invalid(
        histogram,
        "no +Inf bucket",
        OM,
        "# TYPE a histogram\na_bucket{le=\"1\"} 1\na_count 1\na_sum 1\n# EOF\n",
        4,
        "has no le=\"+Inf\" bucket");
    invalid(
        histogram,
        "buckets that are not cumulative",
        OM,
        "# TYPE a histogram\na_bucket{le=\"0.25\"} 5\na_bucket{le=\"0.5\"} 3\na_bucket{le=\"+Inf\"} 5\n# EOF\n",
        3,
        "bucket le=\"0.5\" holds 3, fewer than le=\"0.25\"'s 5: buckets are cumulative");
    invalid(
        histogram,
        "a count that is not the +Inf bucket",
        OM,
        "# TYPE a histogram\na_bucket{le=\"+Inf\"} 5\na_count 4\na_sum 1\n# EOF\n",
        3,
        "the count is the +Inf bucket");
    invalid(
        histogram,
        "buckets out of order",
        OM,
        "# TYPE a histogram\na_bucket{le=\"1\"} 1\na_bucket{le=\"0.5\"} 1\na_bucket{le=\"+Inf\"} 1\n# EOF\n",
        3,
        "buckets go up by le");
    invalid(
        histogram,
        "+Inf written otherwise",
        OM,
        "# TYPE a histogram\na_bucket{le=\"Inf\"} 1\n# EOF\n",
        2,
        "written le=\"+Inf\"");
    invalid(
        histogram,
        "a bucket without le",
        OM,
        "# TYPE a histogram\na_bucket 1\n# EOF\n",
        2,
        "has no le label");
    invalid(
        histogram,
        "a NaN bound",
        OM,
        "# TYPE a histogram\na_bucket{le=\"NaN\"} 1\n# EOF\n",
        2,
        "is not a bucket bound");
    invalid(
        histogram,
        "a bucket count with a fraction",
        OM,
        "# TYPE a histogram\na_bucket{le=\"+Inf\"} 1.5\n# EOF\n",
        2,
        "a whole number");
    invalid(
        histogram,
        "a negative bucket count",
        OM,
        "# TYPE a histogram\na_bucket{le=\"+Inf\"} -1\n# EOF\n",
        2,
        "is never negative");
    invalid(
        histogram,
        "a sum without a count",
        OM,
        "# TYPE a histogram\na_bucket{le=\"+Inf\"} 1\na_sum 1\n# EOF\n",
        3,
        "has a _sum but no _count");
    invalid(
        histogram,
        "a sum beside buckets below 0",
        OM,
        "# TYPE a histogram\na_bucket{le=\"-1\"} 1\na_bucket{le=\"+Inf\"} 1\na_count 1\na_sum 1\n# EOF\n",
        5,
        "rule a sum out");
    invalid(
        histogram,
        "le on the count",
        OM,
        "# TYPE a histogram\na_bucket{le=\"+Inf\"} 1\na_count{le=\"1\"} 1\n# EOF\n",
        3,
        "which only _bucket has");

    String gaugeHistogram = TextFormatParser.GAUGE_HISTOGRAM;
    valid(
        gaugeHistogram,
        "buckets, gcount and gsum",
        OM,
        "# TYPE a gaugehistogram\na_bucket{le=\"1\"} 2\na_bucket{le=\"+Inf\"} 3\na_gcount 3\na_gsum 2.5\n# EOF\n");
    valid(
        gaugeHistogram,
        "a negative gsum beside buckets below 0",
        OM,
        "# TYPE a gaugehistogram\na_bucket{le=\"-1\"} 2\na_bucket{le=\"+Inf\"} 3\na_gcount 3\na_gsum -2\n# EOF\n");
    invalid(
        gaugeHistogram,
        "no +Inf bucket",
        OM,
        "# TYPE a gaugehistogram\na_bucket{le=\"1\"} 2\n# EOF\n",
        2,
        "has no le=\"+Inf\" bucket");
    invalid(
        gaugeHistogram,
        "a gcount that is not the +Inf bucket",
        OM,
        "# TYPE a gaugehistogram\na_bucket{le=\"+Inf\"} 3\na_gcount 2\na_gsum 1\n# EOF\n",
        3,
        "the count is the +Inf bucket");
    invalid(
        gaugeHistogram,
        "a negative gsum without buckets below 0",
        OM,
        "# TYPE a gaugehistogram\na_bucket{le=\"+Inf\"} 3\na_gcount 3\na_gsum -1\n# EOF\n",
        4,
        "is negative, with no bucket below 0");

    String summary = TextFormatParser.SUMMARY;
    valid(
        summary,
        "quantiles, count and sum",
        OM,
        "# TYPE a summary\na{quantile=\"0.5\"} 0.2\na{quantile=\"0.99\"} NaN\na_count 10\na_sum 3.5\na_created 1.7e9\n# EOF\n");
    invalid(
        summary,
        "a quantile above 1",
        OM,
        "# TYPE a summary\na{quantile=\"1.5\"} 1\n# EOF\n",
        2,
        "is not between 0 and 1");
    invalid(
        summary,
        "a quantile sample without its quantile",
        OM,
        "# TYPE a summary\na 1\n# EOF\n",
        2,
        "has no quantile label");
    invalid(
        summary,
        "a negative quantile value",
        OM,
        "# TYPE a summary\na{quantile=\"0.5\"} -1\n# EOF\n",
        2,
        "never negative");
    invalid(
        summary,
        "a negative count",
        OM,
        "# TYPE a summary\na_count -1\na_sum 1\n# EOF\n",
        2,
        "is never negative");
    invalid(
        summary,
        "a count with a fraction",
        OM,
        "# TYPE a summary\na_count 1.5\na_sum 1\n# EOF\n",
        2,
        "a whole number");
    invalid(
        summary,
        "quantile on the count",
        OM,
        "# TYPE a summary\na_count{quantile=\"0.5\"} 1\n# EOF\n",
        2,
        "which only the quantiles have");

    String stateSet = TextFormatParser.STATESET;
    valid(
        stateSet,
        "states of two entities",
        OM,
        "# TYPE a stateset\na{e=\"x\",a=\"on\"} 1\na{e=\"x\",a=\"off\"} 0\na{e=\"y\",a=\"on\"} 0\na{e=\"y\",a=\"off\"} 1\n# EOF\n");
    invalid(
        stateSet,
        "a state of 2",
        OM,
        "# TYPE a stateset\na{a=\"on\"} 2\n# EOF\n",
        2,
        "a state is 1 (set) or 0");
    invalid(
        stateSet,
        "a state without its label",
        OM,
        "# TYPE a stateset\na{b=\"on\"} 1\n# EOF\n",
        2,
        "has no label `a` naming its state");

    String info = TextFormatParser.INFO;
    valid(info, "an info", OM, "# TYPE a info\na_info{version=\"1.0\"} 1\n# EOF\n");
    invalid(
        info,
        "an info of 2",
        OM,
        "# TYPE a info\na_info{version=\"1.0\"} 2\n# EOF\n",
        2,
        "always 1");
    invalid(
        info,
        "an info without _info",
        OM,
        "# TYPE a info\na{version=\"1.0\"} 1\n# EOF\n",
        2,
        "not one of the info `a`'s samples");

    String exemplars = TextFormatParser.EXEMPLARS;
    valid(
        exemplars,
        "on a total and on buckets, with and without labels and timestamps",
        OM,
        "# TYPE a counter\na_total 1 # {trace_id=\"x\"} 1\n# TYPE b histogram\n"
            + "b_bucket{le=\"0.1\"} 1 # {} 0.05\nb_bucket{le=\"1.0\"} 2 # {trace_id=\"y\"} 0.7 1520879607.789\n"
            + "b_bucket{le=\"+Inf\"} 2\n# EOF\n");
    invalid(
        exemplars,
        "an exemplar on a gauge",
        OM,
        "# TYPE a gauge\na 1 # {trace_id=\"x\"} 1\n# EOF\n",
        2,
        "only counters' totals and histograms' buckets");
    invalid(
        exemplars,
        "an exemplar on a histogram's count",
        OM,
        "# TYPE a histogram\na_bucket{le=\"+Inf\"} 1\na_count 1 # {trace_id=\"x\"} 1\na_sum 1\n# EOF\n",
        3,
        "only counters' totals and histograms' buckets");
    invalid(
        exemplars,
        "exemplar labels over 128 characters",
        OM,
        "# TYPE a counter\na_total 1 # {trace_id=\"" + "x".repeat(121) + "\"} 1\n# EOF\n",
        2,
        "129 characters");
    invalid(
        exemplars,
        "an exemplar above its bucket",
        OM,
        "# TYPE a histogram\na_bucket{le=\"0.1\"} 1 # {trace_id=\"x\"} 0.5\na_bucket{le=\"+Inf\"} 1\n# EOF\n",
        2,
        "belongs to a bucket at or above its value");
    invalid(
        exemplars,
        "an exemplar without braces",
        OM,
        "# TYPE a counter\na_total 1 # trace_id=\"x\" 1\n# EOF\n",
        2,
        "in braces");

    String timestamps = TextFormatParser.TIMESTAMPS;
    valid(
        timestamps,
        "seconds, with and without a fraction",
        OM,
        "# TYPE a gauge\na{b=\"1\"} 1 1520879607.789\na{b=\"2\"} 1 1520879607\n# EOF\n");
    invalid(
        timestamps,
        "a timestamp that is not a number",
        OM,
        "# TYPE a gauge\na 1 soon\n# EOF\n",
        2,
        "is not a number of seconds");
    invalid(
        timestamps,
        "a NaN timestamp",
        OM,
        "# TYPE a gauge\na 1 NaN\n# EOF\n",
        2,
        "is not a number of seconds");
    invalid(
        timestamps,
        "timestamps going back",
        OM,
        "# TYPE a gauge\na 1 200\na 2 100\n# EOF\n",
        3,
        "not increasing");
    invalid(
        timestamps,
        "points with and without timestamps",
        OM,
        "# TYPE a gauge\na 1 100\na 2\n# EOF\n",
        3,
        "with and without timestamps");

    // ---- the text format 0.0.4, as Prometheus reads it ----
    String lines = TextFormatParser.TEXT_LINES;
    valid(
        lines,
        "no # EOF, blank lines, tabs and blanks",
        TEXT,
        "\n# TYPE a gauge\n\na\t{b=\"1\"}   1\n  a{b=\"2\"} 2  \n");
    valid(
        lines,
        "the example of exposition_formats.md",
        TEXT,
        """
        # HELP http_requests_total The total number of HTTP requests.
        # TYPE http_requests_total counter
        http_requests_total{method="post",code="200"} 1027 1395066363000
        http_requests_total{method="post",code="400"}    3 1395066363000

        # Escaping in label values:
        msdos_file_access_time_seconds{path="C:\\\\DIR\\\\FILE.TXT",error="Cannot find file:\\n\\"FILE.TXT\\""} 1.458255915e9

        # Minimalistic line:
        metric_without_timestamp_and_labels 12.47

        # A weird metric from before the epoch:
        something_weird{problem="division by zero"} +Inf -3982045

        # A histogram, which has a pretty complex representation in the text format:
        # HELP http_request_duration_seconds A histogram of the request duration.
        # TYPE http_request_duration_seconds histogram
        http_request_duration_seconds_bucket{le="0.05"} 24054
        http_request_duration_seconds_bucket{le="0.1"} 33444
        http_request_duration_seconds_bucket{le="0.2"} 100392
        http_request_duration_seconds_bucket{le="0.5"} 129389
        http_request_duration_seconds_bucket{le="1"} 133988
        http_request_duration_seconds_bucket{le="+Inf"} 144320
        http_request_duration_seconds_sum 53423
        http_request_duration_seconds_count 144320

        # Finally a summary, which has a complex representation, too:
        # HELP rpc_duration_seconds A summary of the RPC duration in seconds.
        # TYPE rpc_duration_seconds summary
        rpc_duration_seconds{quantile="0.01"} 3102
        rpc_duration_seconds{quantile="0.05"} 3272
        rpc_duration_seconds{quantile="0.5"} 4773
        rpc_duration_seconds{quantile="0.9"} 9001
        rpc_duration_seconds{quantile="0.99"} 76656
        rpc_duration_seconds_sum 1.7560473e+07
        rpc_duration_seconds_count 2693
        """);
    valid(
        lines,
        "untyped samples, a negative counter, a trailing comma",
        TEXT,
        "loose 1\n# TYPE c counter\nc{x=\"1\",} -3\n");
    valid(
        lines,
        "timestamps in milliseconds and special values",
        TEXT,
        "# TYPE a gauge\na{b=\"1\"} +Inf 1520879607789\na{b=\"2\"} NaN\na{b=\"3\"} -1e-3\n");
    invalid(
        lines,
        "a timestamp with a fraction",
        TEXT,
        "# TYPE a gauge\na 1 1.5\n",
        2,
        "is not an integer of milliseconds");
    invalid(
        lines,
        "an escape the format has not",
        TEXT,
        "# TYPE a gauge\na{b=\"\\t\"} 1\n",
        2,
        "only \\\\, \\\" and \\n are escapes");
    invalid(
        lines, "a series twice", TEXT, "# TYPE a gauge\na{b=\"1\"} 1\na{b=\"1\"} 2\n", 3, "twice");
    invalid(lines, "a label twice", TEXT, "a{b=\"1\",b=\"2\"} 1\n", 1, "the label `b` twice");
    invalid(
        lines,
        "an exemplar",
        TEXT,
        "# TYPE a counter\na 1 # {trace_id=\"x\"} 1\n",
        2,
        "exemplars are OpenMetrics'");
    invalid(lines, "a value that is not a number", TEXT, "a one\n", 1, "is not a number");

    String textMetadata = TextFormatParser.TEXT_METADATA;
    valid(
        textMetadata,
        "comments and # EOF are comments",
        TEXT,
        "# a comment\n# TYPE a counter\n# HELP a Visits \\\\ and\\nmore\na 1\n# EOF\n");
    invalid(
        textMetadata,
        "a second TYPE line",
        TEXT,
        "# TYPE a gauge\n# TYPE a counter\na 1\n",
        2,
        "a second TYPE line");
    invalid(
        textMetadata,
        "a TYPE line after the samples",
        TEXT,
        "a 1\n# TYPE a gauge\n",
        2,
        "after its samples");
    invalid(
        textMetadata,
        "a type the format has not",
        TEXT,
        "# TYPE a info\na 1\n",
        1,
        "is none of counter, gauge, histogram, summary, untyped");
    invalid(
        textMetadata,
        "a second HELP line",
        TEXT,
        "# HELP a one\n# HELP a two\na 1\n",
        2,
        "a second HELP line");
    invalid(
        textMetadata,
        "an escape HELP has not",
        TEXT,
        "# HELP a say \\\"hi\\\"\na 1\n",
        1,
        "only \\\\ and \\n are escapes");

    String textHistograms = TextFormatParser.TEXT_HISTOGRAMS;
    valid(
        textHistograms,
        "buckets in any order, no +Inf",
        TEXT,
        "# TYPE a histogram\na_bucket{le=\"1\"} 2\na_bucket{le=\"0.5\"} 1\na_count 2\na_sum 1\n");
    invalid(
        textHistograms,
        "a bucket without le",
        TEXT,
        "# TYPE a histogram\na_bucket 1\n",
        2,
        "has no le label");
    invalid(
        textHistograms,
        "a quantile that is not a number",
        TEXT,
        "# TYPE a summary\na{quantile=\"high\"} 1\n",
        2,
        "quantile=\"high\" is not a number");
  }
}
