/**
 * The repository API that the histogram and summary chapters call: its client ({@link
 * tutorial.common.upstream.GitHubClient}, the tutorial's {@code requests.get(...)} with timeouts, a
 * size limit and no redirects), the bulkhead that keeps a hanging API from holding every request
 * thread, the settings, and the embedded stand-in that {@code OFFLINE=true} starts instead.
 */
package tutorial.common.upstream;
