package tutorial.benchmarks;

import io.javalin.config.RoutesConfig;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import tutorial.common.MetricsEndpoint;
import tutorial.common.RepositoryName;
import tutorial.common.Service;
import tutorial.common.TutorialApp;
import tutorial.common.tracing.Tracing;
import tutorial.common.upstream.GitHubClient;
import tutorial.common.upstream.UpstreamSettings;

/**
 * The bare baseline the benchmark compares every service with: the tutorial's routes, doing the
 * same work as the apps (same bodies, same list, same upstream call) but updating no metric.
 *
 * <p>It starts through {@link Service#run}, as the apps do, so the Jetty and Javalin settings, the
 * error handlers, the access log switch and the route table are the services' own; with {@code
 * --jvm-metrics=false} its registry is empty. The only difference left between a route here and the
 * same route in a service is the metric update.
 */
public final class BareBaseline implements TutorialApp {

  private static final Pattern DIGITS = Pattern.compile("[0-9]{1,19}");

  private final List<Long> myList = new ArrayList<>();
  private final GitHubClient github;
  private final PrometheusRegistry registry;

  BareBaseline(PrometheusRegistry registry, GitHubClient github) {
    this.registry = registry;
    this.github = github;
  }

  @Override
  public void addRoutes(RoutesConfig routes) {
    routes.get("/", ctx -> ctx.html("<h1>Welcome to the Home Page</h1>"));
    routes.get("/about", ctx -> ctx.html("<h1>Welcome to the About Page</h1>"));
    routes.get("/add/{num}", this::add);
    routes.get("/remove/{num}", this::remove);
    routes.get(
        "/repos/{username}/{repository}",
        ctx -> ctx.json(github.repository(RepositoryName.from(ctx))));
    // as in every service, though with --jvm-metrics=false there is nothing in it
    routes.get("/metrics", MetricsEndpoint.handler(registry));
  }

  private void add(Context ctx) {
    long num = number(ctx);
    synchronized (myList) {
      myList.add(num);
    }
    ctx.result("Added " + num + " to my_list");
  }

  private void remove(Context ctx) {
    long num = number(ctx);
    synchronized (myList) {
      if (!myList.remove((Long) num)) {
        throw new NotFoundResponse(num + " is not in my_list");
      }
    }
    ctx.result("Removed " + num + " from my_list");
  }

  /** The same parsing as gauges-app, so that both sides of the comparison do the same work. */
  private static long number(Context ctx) {
    String text = ctx.pathParam("num");
    if (DIGITS.matcher(text).matches()) {
      try {
        return Long.parseLong(text);
      } catch (NumberFormatException tooLarge) {
        // falls through to the same answer as any other bad number
      }
    }
    throw new BadRequestResponse("num must be a whole number from 0 to " + Long.MAX_VALUE);
  }

  /** Takes the services' flags; the harness starts it with {@code --jvm-metrics=false}. */
  public static void main(String[] args) {
    UpstreamSettings upstream = new UpstreamSettings();
    Service.run(
        "bare-baseline",
        args,
        List.of(upstream),
        registry -> new BareBaseline(registry, GitHubClient.connect(upstream, Tracing.off())));
  }
}
