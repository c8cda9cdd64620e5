package tutorial.common.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Header;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.MethodNotAllowedResponse;
import io.javalin.http.ServiceUnavailableResponse;
import io.javalin.validation.ValidationError;
import io.javalin.validation.ValidationException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every failure into a short JSON answer: the status the failure calls for and a message a
 * person can act on. A stack trace goes to the log, never into a response.
 */
public final class ErrorResponses {

  private static final Logger LOG = LoggerFactory.getLogger(ErrorResponses.class);

  private ErrorResponses() {}

  public static void addTo(RoutesConfig routes) {
    // also covers unknown paths (404) and wrong methods (405), which Javalin throws as these
    routes.exception(
        HttpResponseException.class, (e, ctx) -> send(ctx, e.getStatus(), e.getMessage()));
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
