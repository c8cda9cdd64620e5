/**
 * What the tests and the benchmarks share, as {@code javalin-testtools} is for Javalin: a service
 * under test on a free loopback port ({@link tutorial.testkit.RunningService}) with settings parsed
 * as a real start parses them ({@link tutorial.testkit.TestSettings}), golden files, the runnable
 * jars as processes, the hanging API and the incident, and the contracts every service passes.
 */
package tutorial.testkit;
