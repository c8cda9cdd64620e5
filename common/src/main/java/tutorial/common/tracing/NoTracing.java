package tutorial.common.tracing;

import io.javalin.http.Handler;
import java.util.List;
import okhttp3.Interceptor;

/** {@link Tracing#off()}: routes as they are, clients without interceptors. */
enum NoTracing implements Tracing {
  INSTANCE;

  @Override
  public boolean isOn() {
    return false;
  }

  @Override
  public Handler traced(Handler route) {
    return route;
  }

  @Override
  public List<Interceptor> callInterceptors() {
    return List.of();
  }

  @Override
  public void close() {}
}
