package tutorial.common.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Header;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.MethodNotAllowedResponse;
import io.javalin.http.ServiceUnavailableResponse;
import io.javalin.router.EndpointNotFound;
import io.javalin.validation.ValidationError;
import io.javalin.validation.ValidationException;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every failure into a short JSON answer: the status the failure calls for and a message a
 * person can act on. A stack trace goes to the log, never into a response.
 */
public final class ErrorResponses {

  private static final Logger LOG = LoggerFactory.getLogger(ErrorResponses.class);

  /** An unknown path is quoted up to this length, so that the routes after it are always shown. */
  static final int MAX_PATH_SHOWN = 40;

  private ErrorResponses() {}

  /**
   * Adds the handlers; an unknown path's answer names service {@code name} and the routes that
   * {@code routeList} gives, once the server is made.
   */
  public static void addTo(RoutesConfig routes, String name, Supplier<List<String>> routeList) {
    // also covers wrong methods (405), which Javalin throws as these
    routes.exception(
        HttpResponseException.class, (e, ctx) -> send(ctx, e.getStatus(), e.getMessage()));
    // a path of another chapter, or a typo: say which service this is and what it answers
    routes.exception(
        EndpointNotFound.class,
        (e, ctx) ->
            send(
                ctx,
                404,
                "no route "
                    + ctx.method()
                    + " "
                    + quoted(ctx.path())
                    + " in "
                    + name
                    + "; its routes: "
                    + String.join(", ", routeList.get())));
    routes.exception(
        MethodNotAllowedResponse.class,
        (e, ctx) -> {
          // one entry, whose key Javalin words differently for browsers
          String allowed = String.join(", ", e.getDetails().values());
          ctx.header(Header.ALLOW, allowed);
          send(ctx, 405, "this path answers only " + allowed);
        });
    routes.exception(
        ServiceUnavailableResponse.class,
        (e, ctx) -> {
          // when to try again: the bulkhead says how long its calls in flight may still take
          String retryAfter = e.getDetails().get(Header.RETRY_AFTER);
          if (retryAfter != null) {
            ctx.header(Header.RETRY_AFTER, retryAfter);
          }
          send(ctx, 503, e.getMessage());
        });
    routes.exception(
        ValidationException.class, (e, ctx) -> send(ctx, 400, describe(e.getErrors())));
    routes.exception(
        Exception.class,
        (e, ctx) -> {
          LOG.error("unexpected error on {} {}", ctx.method(), ctx.path(), e);
          send(ctx, 500, "unexpected error; see the service log");
        });
  }

  private static String quoted(String path) {
    return path.length() <= MAX_PATH_SHOWN ? path : path.substring(0, MAX_PATH_SHOWN - 3) + "...";
  }

  private static void send(Context ctx, int status, String message) {
    ctx.status(status)
        .json(new ApiError(status, HttpStatus.forStatus(status).getMessage(), message));
  }

  private static String describe(Map<String, ? extends List<? extends ValidationError<?>>> errors) {
    return errors.entrySet().stream()
        .map(e -> e.getKey() + ": " + e.getValue().get(0).getMessage())
        .collect(Collectors.joining("; "));
  }
}
