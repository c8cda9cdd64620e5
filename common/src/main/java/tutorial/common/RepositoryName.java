package tutorial.common;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import java.util.regex.Pattern;

/**
 * An owner and repository name that follow the repository API's own naming rules. Anything else
 * (dots-only names such as {@code ..}, slashes, query or control characters) is refused before any
 * upstream call, so a request can only ever reach {@code /repos/{owner}/{repository}}.
 */
public record RepositoryName(String owner, String repository) {

  /** Users and organisations: letters, digits and single inner hyphens, at most 39 characters. */
  private static final Pattern OWNER =
      Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}");

  /** Repositories: letters, digits, '.', '-' and '_', at most 100 characters. */
  private static final Pattern REPOSITORY = Pattern.compile("[A-Za-z0-9._-]{1,100}");

  public RepositoryName {
    if (owner == null || !OWNER.matcher(owner).matches()) {
      throw new BadRequestResponse("username must be 1-39 letters, digits or inner single hyphens");
    }
    if (repository == null
        || !REPOSITORY.matcher(repository).matches()
        || repository.equals(".")
        || repository.equals("..")) {
      throw new BadRequestResponse(
          "repository must be 1-100 letters, digits, '.', '-' or '_', and not '.' or '..'");
    }
  }

  /** From the path parameters {@code {username}} and {@code {repository}}. */
  public static RepositoryName from(Context ctx) {
    return new RepositoryName(ctx.pathParam("username"), ctx.pathParam("repository"));
  }

  @Override
  public String toString() {
    return owner + "/" + repository;
  }
}
