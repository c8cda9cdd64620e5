package tutorial.common.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.HttpStatus;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The same JSON error body as {@link ErrorResponses} for what Jetty refuses before Javalin sees it:
 * a malformed URI or percent-encoding (400), a URI or headers too large (414, 431). Jetty's default
 * answers those with an HTML page.
 */
final class JsonErrorHandler extends ErrorHandler {

  private static final HttpField CONTENT_TYPE =
      new HttpField(HttpHeader.CONTENT_TYPE, "application/json");

  @Override
  protected void generateResponse(
      Request request,
      Response response,
      int code,
      String message,
      Throwable cause,
      Callback callback) {
    response.getHeaders().put(CONTENT_TYPE);
    response.write(true, ByteBuffer.wrap(body(code, message)), callback);
  }

  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    fields.put(CONTENT_TYPE);
    return ByteBuffer.wrap(body(status, reason));
  }

  /** Built at the first such error, not while the service starts: a mapper is slow to build. */
  private static final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();
  }

  private static byte[] body(int status, String message) {
    String error = HttpStatus.forStatus(status).getMessage();
    try {
      return Json.MAPPER.writeValueAsBytes(
          new ApiError(status, error, message != null ? message : error));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("an ApiError always serialises", e);
    }
  }
}
