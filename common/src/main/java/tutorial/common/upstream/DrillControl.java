package tutorial.common.upstream;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.javalin.Javalin;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.ConflictResponse;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.ServiceUnavailableResponse;
import io.prometheus.metrics.core.metrics.StateSet;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.LoggerFactory;
import tutorial.commandline.DurationConverter;
import tutorial.common.MetricsEndpoint;
import tutorial.common.http.ErrorResponses;

/**
 * The switch for the stand-in's drills, on a loopback port of its own and never on the service's:
 * whoever can reach the service cannot break it. {@code GET /drill} says which drill runs, {@code
 * PUT /drill} with {@code {"drill":"errors","grade":"50%","for":"10m"}} switches one on, {@code
 * DELETE /drill} switches it off. {@code GET /metrics} is the stand-in's own scrape, job {@code
 * repository-api}: it fails while the stand-in is down, so that Prometheus's {@code up} says so as
 * for a real host. A service that calls the real API opens the switch too, to refuse every drill
 * with the reason.
 */
public final class DrillControl implements AutoCloseable {

  public static final String PATH = "/drill";

  /** How long a drill runs when its command does not say. */
  static final Duration DEFAULT_LASTING = Duration.ofMinutes(10);

  static final Duration LONGEST_LASTING = Duration.ofHours(1);

  private final Javalin server;
  private final UpstreamStandIn standIn;
  private final String upstream;
  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final StateSet drillState =
      StateSet.builder()
          .name("repository_api_drill")
          .help("The drill the repository API stand-in plays, or none")
          .states(
              Stream.concat(Stream.of("none"), Stream.of(Drill.values()).map(Drill::command))
                  .toArray(String[]::new))
          .register(registry);
  private final Handler scrape = MetricsEndpoint.handler(registry);

  /** What {@code PUT /drill} takes. */
  record Switch(String drill, String grade, @JsonProperty("for") String lasting) {}

  /**
   * What every answer tells: the drill running (null: none), since and until when (ISO-8601), and
   * whether the stand-in listens.
   */
  record State(
      String drill,
      String grade,
      String since,
      String until,
      Long calls,
      boolean offline,
      boolean listening,
      String upstream) {}

  private DrillControl(int port, UpstreamStandIn standIn, String upstream) {
    this.standIn = standIn;
    this.upstream = upstream;
    this.server =
        LoopbackServer.start(
            port,
            routes -> {
              routes.get(PATH, ctx -> ctx.json(state()));
              routes.put(PATH, this::switchOn);
              routes.delete(PATH, this::switchOff);
              routes.get(MetricsEndpoint.PATH, this::metrics);
              ErrorResponses.addTo(
                  routes,
                  "the drill port",
                  () -> List.of("GET " + PATH, "PUT " + PATH, "DELETE " + PATH, "GET /metrics"));
            });
  }

  /**
   * Opens the switch for {@code standIn} on loopback {@code port}; when that port is taken (or 0),
   * on a free one, and says where.
   */
  public static DrillControl open(int port, UpstreamStandIn standIn) {
    return open(port, standIn, standIn.baseUrl());
  }

  /** Opens a switch that refuses every drill: the service calls the real API at {@code apiUrl}. */
  public static DrillControl refusing(int port, String apiUrl) {
    return open(port, null, apiUrl);
  }

  private static DrillControl open(int port, UpstreamStandIn standIn, String upstream) {
    DrillControl control;
    try {
      control = new DrillControl(port, standIn, upstream);
    } catch (RuntimeException e) {
      if (port == 0) {
        throw e;
      }
      LoggerFactory.getLogger(DrillControl.class)
          .warn("drill port {} is taken ({}); a free one instead", port, e.getMessage());
      control = new DrillControl(0, standIn, upstream);
    }
    LoggerFactory.getLogger(DrillControl.class)
        .info(
            "drills at {}{}: ./drill --list{}",
            control.baseUrl(),
            PATH,
            standIn == null ? " (refused: not offline)" : "");
    return control;
  }

  public int port() {
    return server.port();
  }

  public String baseUrl() {
    return LoopbackServer.baseUrl(server);
  }

  private State state() {
    if (standIn == null) {
      return new State(null, null, null, null, null, false, true, upstream);
    }
    return standIn
        .drill()
        .map(
            d ->
                new State(
                    d.fault().drill().command(),
                    d.fault().grade(),
                    d.since().toString(),
                    d.until().toString(),
                    d.calls().get(),
                    true,
                    standIn.listening(),
                    upstream))
        .orElseGet(() -> new State(null, null, null, null, null, true, true, upstream));
  }

  private void refuseOnline() {
    if (standIn == null) {
      throw new ConflictResponse(
          "drills break the offline stand-in, and this service calls the real repository API at "
              + upstream
              + ": start it with OFFLINE=true to drill");
    }
  }

  private void switchOn(Context ctx) {
    refuseOnline();
    Switch request;
    try {
      request = ctx.bodyAsClass(Switch.class);
    } catch (Exception e) { // Jackson's parse errors are checked, and thrown through Javalin

      throw new BadRequestResponse(
          "the body must be JSON like {\"drill\":\"errors\",\"grade\":\"50%\",\"for\":\"10m\"}");
    }
    if (request == null || request.drill() == null) {
      throw new BadRequestResponse(
          "say which drill: {\"drill\":\"slow\"}; ./drill --list names them");
    }
    Drill drill =
        Drill.named(request.drill())
            .orElseThrow(
                () ->
                    new BadRequestResponse(
                        "no drill '"
                            + shortened(request.drill())
                            + "'; the drills: "
                            + String.join(
                                ", ", Stream.of(Drill.values()).map(Drill::command).toList())));
    Fault fault;
    try {
      fault = drill.fault(request.grade());
    } catch (IllegalArgumentException e) {
      throw new BadRequestResponse(e.getMessage());
    }
    standIn.switchOn(fault, lasting(request.lasting()));
    ctx.json(state());
  }

  private static Duration lasting(String text) {
    if (text == null || text.isBlank()) {
      return DEFAULT_LASTING;
    }
    Duration lasting;
    try {
      lasting = new DurationConverter().convert(text);
    } catch (RuntimeException e) {
      throw new BadRequestResponse(
          "for: '" + shortened(text) + "' is not a duration; write it like 90s, 5m or 30m");
    }
    if (lasting.compareTo(LONGEST_LASTING) > 0) {
      throw new BadRequestResponse("for: a drill lasts at most 60m, not " + shortened(text));
    }
    return lasting;
  }

  private static String shortened(String text) {
    return text.length() <= 40 ? text : text.substring(0, 37) + "...";
  }

  private void switchOff(Context ctx) {
    refuseOnline();
    standIn.switchOff();
    ctx.json(state());
  }

  private void metrics(Context ctx) throws Exception {
    if (standIn == null) {
      throw new ConflictResponse("no stand-in: this service calls the real API at " + upstream);
    }
    if (!standIn.listening()) {
      // what Prometheus finds of a host that is down: no scrape
      throw new ServiceUnavailableResponse("the repository API stand-in is down (drill)");
    }
    String running = standIn.drill().map(d -> d.fault().drill().command()).orElse("none");
    synchronized (drillState) {
      drillState.setFalse("none");
      for (Drill drill : Drill.values()) {
        drillState.setFalse(drill.command());
      }
      drillState.setTrue(running);
    }
    scrape.handle(ctx);
  }

  @Override
  public void close() {
    server.stop();
  }
}
