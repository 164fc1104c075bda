/**
 * The benchmark of 容错纠错: how fast the system is for the clerks who use it, and how its cost grows.
 * It is not a test: it asserts nothing about time and only prints figures.
 *
 * <pre>
 * mvn -Pbench verify                                   # H2 in memory: figures in target/bench/results.md and .json
 * SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:5432/bench_tmp SPRING_DATASOURCE_USERNAME=postgres \
 *   mvn -Pbench verify -Dbench.out=target/bench/postgres  # the same on PostgreSQL (a scratch database)
 * mvn -Pbench verify -Dbench.variants=all -Dbench.openCases= -Dbench.cases=80   # candidate changes, before/after
 * </pre>
 *
 * <p>The default build ({@code mvn verify}) does not run it: surefire excludes this package unless the
 * {@code bench} profile is active, and then runs only {@code *Benchmark} classes here.
 *
 * <p>{@link cn.gov.wuzhou.tolerance.bench.ToleranceCaseBenchmark} starts the whole application
 * ({@link cn.gov.wuzhou.tolerance.bench.BenchSystem}: application.yaml, default profile, random port, job
 * executor on, every SQL statement counted by {@link cn.gov.wuzhou.tolerance.bench.SqlCounter}), then
 * <ol>
 *   <li>drives {@code bench.cases} whole {@code toleranceCase} cases (70 % tolerated, 20 % not tolerated,
 *       10 % complex through 一事一议) with {@code bench.clerks} concurrent clerks over REST as Tasklist does
 *       ({@link cn.gov.wuzhou.tolerance.bench.RestChannel}: the 本机构待办 filter's first page as HAL,
 *       claim, submit-form), then the same through the Java API
 *       ({@link cn.gov.wuzhou.tolerance.bench.JavaChannel}), see {@link cn.gov.wuzhou.tolerance.bench.CaseRun};</li>
 *   <li>measures the 本机构待办 list with 100, 1,000 and 10,000 open cases
 *       ({@link cn.gov.wuzhou.tolerance.bench.Growth}), and candidate indexes at the largest level
 *       ({@link cn.gov.wuzhou.tolerance.bench.Indexes});</li>
 *   <li>for {@code -Dbench.variants=...}, does the same for each candidate change
 *       ({@link cn.gov.wuzhou.tolerance.bench.Variant}), prototyped here, never in src/main.</li>
 * </ol>
 */
package cn.gov.wuzhou.tolerance.bench;
