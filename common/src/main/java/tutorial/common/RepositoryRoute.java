package tutorial.common;

/** The tutorial's {@code /repos/<string:username>/<string:repository>} route, in Javalin's syntax. */
public final class RepositoryRoute {

  public static final String PATH = "/repos/{username}/{repository}";

  /** The {@code endpoint} label value of the tutorial: the route, never the requested path. */
  public static final String ENDPOINT = "/repos";

  private RepositoryRoute() {}
}
