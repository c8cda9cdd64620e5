/**
 * What an app touches: {@link tutorial.common.TutorialApp} (its routes), {@link
 * tutorial.common.MetricsEndpoint} (the {@code /metrics} route, client_java's own scrape handler),
 * {@link tutorial.common.RepositoryName} (the two path parameters of {@code /repos/...}) and {@link
 * tutorial.common.Service} (its start from the command line).
 *
 * <p>The rest of this module sits in packages by job, which an app needs only where its chapter
 * does: {@code upstream} (the repository API's client and its offline stand-in) and {@code tracing}
 * for the histogram and summary chapters; {@code http} (the server around the routes), {@code
 * settings} and {@code startup} (what makes a start short) for nobody but {@link
 * tutorial.common.Service}.
 */
package tutorial.common;
