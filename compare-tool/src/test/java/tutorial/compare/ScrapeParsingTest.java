package tutorial.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The line formats as the compare command reads them, noise taken out. */
class ScrapeParsingTest {

  private static Scrape read(String text, Format format) {
    return Scrape.of("test", format, "", TextFormatParser.parse(text, format));
  }

  private static Family only(Scrape scrape) {
    assertThat(scrape.families()).hasSize(1);
    return scrape.families().get(0);
  }

  @Test
  void readsTheTextFormatWithItsMetadataAndEscapes() {
    Scrape scrape =
        read(
            """
            # HELP requests_total Requests, with a \\\\ and a\\nnew line
            # TYPE requests_total counter
            requests_total{path="/a \\"quoted\\"",code="200"} 3.0 1715151878000
            requests_total{code="500",path="/b"} 1
            """,
            Format.text);

    Family family = only(scrape);
    assertThat(family.key()).isEqualTo("requests_total");
    assertThat(family.type()).isEqualTo("counter");
    assertThat(family.help()).isEqualTo("Requests, with a \\ and a\nnew line");
    assertThat(family.samples())
        .extracting(Sample::series)
        // labels sorted by name, whatever order the scrape wrote them in; the timestamp dropped
        .containsExactly(
            "requests_total{code=\"200\",path=\"/a \\\"quoted\\\"\"}",
            "requests_total{code=\"500\",path=\"/b\"}");
    assertThat(family.samples().get(0).value().number()).isEqualTo(3.0);
  }

  @Test
  void openMetricsNamesCountersAndInfosWithoutTheirSuffixButTheKeyLinesThemUp() {
    Scrape scrape =
        read(
            """
            # TYPE visits counter
            # HELP visits Visits
            visits_total 2.0 # {trace_id="abc"} 1.0 1715151878.123
            visits_created 1.715151878123E9
            # TYPE build info
            # HELP build Build facts
            build_info{version="1.0"} 1
            # EOF
            """,
            Format.openmetrics);

    assertThat(scrape.families())
        .extracting(Family::key)
        .containsExactly("visits_total", "build_info");
    assertThat(scrape.families()).extracting(Family::name).containsExactly("visits", "build");
    // the exemplar and the _created sample are noise
    assertThat(scrape.families().get(0).samples())
        .extracting(Sample::series)
        .containsExactly("visits_total");
  }

  @Test
  void dropsTheCreatedFamiliesThatTextFormatsAppend() {
    Scrape scrape =
        read(
            """
            # HELP jobs_total Jobs
            # TYPE jobs_total counter
            jobs_total 4.0
            # HELP latency_seconds Latency
            # TYPE latency_seconds summary
            latency_seconds_count 2
            latency_seconds_sum 0.5
            # HELP jobs_created Jobs
            # TYPE jobs_created gauge
            jobs_created 1.7151518789535823e+09
            # HELP latency_seconds_created Latency
            # TYPE latency_seconds_created gauge
            latency_seconds_created 1.7151518789535823e+09
            # HELP other_created A gauge of its own
            # TYPE other_created gauge
            other_created 7
            """,
            Format.text);

    assertThat(scrape.families())
        .extracting(Family::key)
        .containsExactly("jobs_total", "latency_seconds", "other_created");
  }

  @Test
  void anExemplarIsKeptWithItsSampleWithOrWithoutTimestamps() {
    Scrape scrape =
        read(
            """
            # TYPE request_duration_seconds histogram
            request_duration_seconds_bucket{le="0.5"} 1 # {trace_id="4bf9"} 0.25 1715151878.123
            request_duration_seconds_bucket{le="+Inf"} 2 1715151878 # {trace_id="a1",span_id="b2"} 0.7
            request_duration_seconds_count 2
            request_duration_seconds_sum 0.95
            # EOF
            """,
            Format.openmetrics);

    List<Sample> samples = only(scrape).samples();
    assertThat(samples.get(0).exemplar())
        .isEqualTo(new Sample.Exemplar(java.util.Map.of("trace_id", "4bf9"), Value.parse("0.25")));
    assertThat(samples.get(1).exemplar().labels())
        .containsExactly(
            java.util.Map.entry("trace_id", "a1"), java.util.Map.entry("span_id", "b2"));
    assertThat(samples.get(1).value().number()).isEqualTo(2);
    assertThat(samples.get(2).exemplar()).isNull();
  }

  @Test
  void anExemplarWithoutLabelsInBracesIsRefusedWithItsLine() {
    assertThatThrownBy(
            () ->
                read("# TYPE a counter\na_total 1 # trace_id=\"x\" 1\n# EOF\n", Format.openmetrics))
        .hasMessage(
            "line 2: an exemplar starts with its labels in braces: 'a_total 1 # trace_id=\"x\" 1'");
  }

  @Test
  void aSampleWithoutMetadataIsAFamilyOfItsOwn() {
    Family family = only(read("loose_value{a=\"1\",} +Inf\n", Format.text));

    assertThat(family.type()).isEqualTo("untyped");
    assertThat(family.samples().get(0).value().number()).isEqualTo(Double.POSITIVE_INFINITY);
  }

  @Test
  void anExpectedFileMayWriteNumberForAValueThatVaries() {
    Family family =
        only(
            Scrape.of(
                "test",
                Format.text,
                "",
                TextFormatParser.parseExpected(
                    "# TYPE d_seconds histogram\nd_seconds_sum <NUMBER>\n", Format.text)));

    Value value = family.samples().get(0).value();
    assertThat(value.any()).isTrue();
    assertThat(value.sameAs(Value.parse("0.123"), 0)).isTrue();
  }

  @Test
  void bucketBoundsAreOneBucketHoweverTheyAreSpelled() {
    Family python =
        only(read("# TYPE h histogram\nh_bucket{le=\"1\",method=\"GET\"} 3.0\n", Format.text));
    Family java =
        only(read("# TYPE h histogram\nh_bucket{method=\"GET\",le=\"1.0\"} 3\n", Format.text));

    assertThat(python.samples().get(0).series()).isEqualTo(java.samples().get(0).series());
    assertThat(python.samples().get(0).value().sameAs(java.samples().get(0).value(), 0)).isTrue();
  }

  @Test
  void aBrokenLineIsReportedWithItsNumber() {
    assertThatThrownBy(() -> read("# TYPE a gauge\na{b=\"c} 1\n", Format.text))
        .hasMessage("line 2: a label value is not closed: 'a{b=\"c} 1'");
    assertThatThrownBy(() -> read("a one\n", Format.text))
        .hasMessage("line 1: the value 'one' is not a number");
  }

  @Test
  void protobufIsToldFromTheTextFormatsByItsContent() {
    byte[] protobuf = {0x1c, 0x0a, 0x04, 'n', 'a', 'm', 'e', 0x12, 0x01, 'h', 0x18, 0x01};
    assertThat(ScrapeReader.formatOf(protobuf)).isEqualTo(Format.protobuf);
    assertThat(ScrapeReader.formatOf("a 1\n# EOF\n".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(Format.openmetrics);
    assertThat(ScrapeReader.formatOf("a 1\n".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(Format.text);
  }

  @Test
  void aUrlMayLeaveOutTheSchemeAndThePath() {
    assertThat(ScrapeReader.urlOf("localhost:5001")).hasToString("http://localhost:5001/metrics");
    assertThat(ScrapeReader.urlOf("http://127.0.0.1:5001/metrics?name[]=a").toString())
        .startsWith("http://127.0.0.1:5001/metrics?name");
    assertThat(ScrapeReader.urlOf("saved/scrape.txt")).isNull();
  }

  @Test
  void formatOfAnAnswerComesFromItsContentType() {
    assertThat(
            List.of(
                Format.ofContentType("text/plain; version=0.0.4; charset=utf-8"),
                Format.ofContentType("application/openmetrics-text; version=1.0.0; charset=utf-8"),
                Format.ofContentType(
                    "application/vnd.google.protobuf; proto=io.prometheus.client.MetricFamily;"
                        + " encoding=delimited"),
                Format.ofContentType(null)))
        .containsExactly(Format.text, Format.openmetrics, Format.protobuf, Format.text);
  }
}
