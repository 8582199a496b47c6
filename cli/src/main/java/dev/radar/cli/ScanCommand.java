package dev.radar.cli;

import dev.radar.scan.ExceptionInfo;

import dev.radar.model.ExceptionGrant;

import dev.radar.policy.PolicyEngine;
import dev.radar.radar.Radar;
import dev.radar.scan.Credentials;
import dev.radar.scan.GitFetcher;
import dev.radar.scan.OrgScan;
import dev.radar.scan.RepoSource;
import dev.radar.scan.ScanConfig;
import dev.radar.scan.ScanLockedException;
import dev.radar.scan.ScanOutcome;
import dev.radar.scan.ScanOutputException;
import dev.radar.scan.ScanRequest;
import dev.radar.scan.Shard;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code radar scan [SOURCE]}: the org scan, writing summary.json, per-repository reports and the dashboard. */
@Command(name = "scan", mixinStandardHelpOptions = true,
        description = {"Scan every repository of the organisation and write the org dashboard.",
            "Repositories come from a repos.yaml (git remotes, cloned into --cache and fetched on later runs) or a folder "
                + "whose subfolders are repositories. Unchanged repositories (same commit, same radar, policies and exceptions) "
                + "are not evaluated again. Writes OUTPUT/index.html, OUTPUT/summary.json and a JSON and SARIF report per repository. "
                + "Format of repos.yaml and of the outputs: docs/scan.md."})
final class ScanCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "SOURCE",
            description = "A repos.yaml file, or a folder whose subfolders are repositories (default: examples/org, "
                    + "relative to the current folder: the example organisation).")
    Path source;

    @Mixin
    EngineOptions engine;

    @Mixin
    ExceptionsOptions exceptions;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR",
            description = "Output folder; it also keeps the state for incremental runs and the trend history (default: radar-out).")
    Path output = Path.of("radar-out");

    @Option(names = "--cache", paramLabel = "DIR",
            description = "Where git repositories are cloned (default: $RADAR_CACHE, else ~/.cache/radar/repos).")
    Path cache;

    @Option(names = {"-j", "--jobs"}, paramLabel = "N", description = "Check workers (default: the number of cores).")
    int jobs = Runtime.getRuntime().availableProcessors();

    @Option(names = "--fetch-jobs", paramLabel = "N",
            description = "Parallel clones and fetches; they wait on the network (default: twice --jobs, at least 4).")
    Integer fetchJobs;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "Per-repository time limit for cloning or fetching (default: 300).")
    int timeout = 300;

    @Option(names = "--credentials", paramLabel = "FILE",
            description = "Credentials for https remotes, one https://USER:TOKEN@HOST[/PATH] per line (git's credential-store "
                    + "format). Also read: $RADAR_GIT_TOKEN (user $RADAR_GIT_USERNAME, default x-access-token). Never printed.")
    Path credentials;

    @Option(names = "--shard", paramLabel = "K/N",
            description = "Scan only shard K of N: the repositories whose stable name hash falls in it. Join shard outputs "
                    + "with 'radar merge'.")
    String shard;

    @Option(names = "--resume", description = "Continue an interrupted run in OUTPUT: repositories it finished are not fetched or checked again.")
    boolean resume;

    @Option(names = "--full", description = "Evaluate every repository, even those unchanged since their stored result.")
    boolean full;

    @Option(names = "--history-days", paramLabel = "DAYS", description = "Keep trend points for this many days (default: 90).")
    int historyDays = 90;

    @Option(names = "--fail-on", paramLabel = "LEVEL", completionCandidates = FailOn.Names.class,
            description = "Exit 1 when some repository has a finding at or above: ${COMPLETION-CANDIDATES} (default: never; "
                    + "the scan reports, it does not gate).")
    FailOn failOn = FailOn.NEVER;

    @Option(names = "--progress", paramLabel = "MODE",
            description = "auto (a bar on a terminal, log lines otherwise or when CI=true), bar, lines or none (default: auto).")
    Progress.Mode progress = Progress.Mode.AUTO;

    @Override
    public Integer call() throws IOException {
        Path from = source != null ? source : Path.of("examples", "org");
        if (!Files.exists(from)) {
            throw new UserError(ExitCode.CONFIG_ERROR, source != null ? source + ": no such file or folder"
                    : "no SOURCE given and ./examples/org does not exist: give a repos.yaml or a folder of repositories");
        }
        if (jobs < 1 || (fetchJobs != null && fetchJobs < 1) || timeout < 1 || historyDays < 1) {
            throw new UserError(ExitCode.CONFIG_ERROR, "--jobs, --fetch-jobs, --timeout and --history-days must be at least 1");
        }
        Shard scope;
        try {
            scope = shard == null ? Shard.ALL : Shard.parse(shard);
        } catch (IllegalArgumentException e) {
            throw new UserError(ExitCode.CONFIG_ERROR, "--shard " + e.getMessage());
        }
        if (credentials != null && !Files.isRegularFile(credentials)) {
            throw new UserError(ExitCode.CONFIG_ERROR, "--credentials " + credentials + ": no such file");
        }
        var err = spec.commandLine().getErr();
        RepoSource repos = RepoSource.of(from);
        Radar radar = engine.radar(err);
        PolicyEngine policies = engine.engine();
        Preload.warmUpScan(policies, radar);
        LocalDate today = engine.today != null || !resume ? engine.today() : OrgScan.interruptedRunDate(output).orElse(engine.today());
        List<ExceptionGrant> central = exceptions.central();
        ScanConfig config = ScanConfig.of(radar, policies.sources(),
                exceptions.exceptions == null ? List.of() : List.of(exceptions.exceptions));
        GitFetcher fetcher = repos.repos().stream().anyMatch(r -> r.isGit())
                ? new GitFetcher(cacheDir(), Credentials.load(Optional.ofNullable(credentials), System.getenv()), Duration.ofSeconds(timeout))
                : null;
        ScanRequest request = new ScanRequest(repos, output, radar, today, scope, jobs, fetchJobs != null ? fetchJobs : Math.max(4, 2 * jobs),
                resume, full, historyDays, config, central.stream().map(g -> new ExceptionInfo(g.id(), g.entry(), g.rule(), g.repos(),
                        g.expires() == null ? "" : g.expires().toString(), g.file(), g.line())).toList());
        Progress listener = new Progress(err, progress.resolve(), "scan");
        long started = System.nanoTime();
        long cpu = Progress.cpuNanos();
        ScanOutcome outcome;
        try {
            outcome = new OrgScan(policies, fetcher, central).run(request, listener);
        } catch (ScanOutputException e) {
            listener.abandon();
            throw new UserError(ExitCode.CONFIG_ERROR, e.getMessage() + "; the files it would have replaced are left as they were"
                    + " (run again with --resume once the problem is fixed)");
        } catch (ScanLockedException e) {
            listener.abandon();
            throw new UserError(ExitCode.CONFIG_ERROR, e.getMessage());
        }
        listener.done(outcome, output, System.nanoTime() - started, cpu < 0 ? -1 : Progress.cpuNanos() - cpu);
        dev.radar.check.Timings.print(err);
        return ScanVerdict.exitCode(outcome, failOn, err).code();
    }

    private Path cacheDir() {
        if (cache != null) {
            return cache;
        }
        String env = System.getenv("RADAR_CACHE");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("radar").resolve("repos");
    }
}
