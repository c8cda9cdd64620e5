package tutorial.common;

import io.javalin.config.RoutesConfig;

/**
 * One example service: the tutorial's routes, without the {@code /metrics}, health and error wiring
 * that every service shares (see {@link Service}).
 */
@FunctionalInterface
public interface TutorialApp {
  void addRoutes(RoutesConfig routes);
}
