package dev.radar.cli;

import dev.radar.check.CheckRequest;
import dev.radar.check.ExceptionAudit;
import dev.radar.collect.RepoTree;
import dev.radar.exceptions.ExceptionLoader;
import dev.radar.exceptions.ExceptionReview;
import dev.radar.model.ConfigException;
import dev.radar.model.ConfigProblem;
import dev.radar.model.ExceptionGrant;
import dev.radar.model.ExceptionOrigin;
import dev.radar.report.ExceptionListing;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code radar exceptions list|expiring|validate}: the exceptions on their own, judged by the exception rules. */
@Command(name = "exceptions", mixinStandardHelpOptions = true,
        description = {"List, watch and validate time-bound exceptions (docs/exceptions.md).",
            "Reads --exceptions FILE (default: ./exceptions.yaml) and, with --repo DIR, DIR/.radar/exceptions.yaml."},
        subcommands = {ExceptionsCommand.ListCommand.class, ExceptionsCommand.ExpiringCommand.class,
            ExceptionsCommand.ValidateCommand.class})
final class ExceptionsCommand implements Runnable {
    private static final Pattern DAYS = Pattern.compile("([0-9]{1,5})d?");

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Options and loading shared by the three subcommands. */
    abstract static class Base implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        EngineOptions engine;

        @Mixin
        ExceptionsOptions exceptions;

        @Option(names = "--repo", paramLabel = "DIR",
                description = "Also read DIR/.radar/exceptions.yaml, the repository's own exceptions (origin repo-local).")
        Path repo;

        @Option(names = {"-f", "--format"}, paramLabel = "FORMAT",
                description = "table, json or csv (default: ${DEFAULT-VALUE}).")
        ExceptionListing.Format format = ExceptionListing.Format.TABLE;

        @Mixin
        OutputOptions output;

        /** Every exception read, with its status on the day. */
        List<ExceptionReview> reviews() {
            if (exceptions.exceptions == null && repo == null && Files.isRegularFile(Path.of("exceptions.yaml"))) {
                exceptions.exceptions = Path.of("exceptions.yaml");
            }
            if (exceptions.exceptions == null && repo == null) {
                throw new UserError(ExitCode.CONFIG_ERROR, "no exceptions to read: give --exceptions FILE or --repo DIR");
            }
            List<ExceptionGrant> grants = new ArrayList<>(exceptions.central());
            if (repo != null) {
                if (!Files.isDirectory(repo)) {
                    throw new UserError(ExitCode.CONFIG_ERROR, "--repo " + repo + ": not a folder");
                }
                String shown = repo.resolve(ExceptionLoader.REPO_LOCAL_PATH).toString().replace('\\', '/');
                try {
                    // Read like every repository file: no symbolic link followed, size-capped, UTF-8 text only.
                    Optional<String> text = RepoTree.readOne(repo, ExceptionLoader.REPO_LOCAL_PATH);
                    if (text.isPresent()) {
                        grants.addAll(ExceptionLoader.parse(shown, text.get(), ExceptionOrigin.REPO_LOCAL, CheckRequest.nameOf(repo)));
                    }
                } catch (IOException e) {
                    throw new ConfigException(new ConfigProblem(shown, 0, 0, "cannot read exceptions: " + e.getMessage()));
                }
            }
            var radar = engine.radar(spec.commandLine().getErr());
            return new ExceptionAudit(engine.engine()).review(radar, grants, engine.today());
        }

        int print(List<ExceptionReview> reviews) {
            output.write(spec.commandLine().getOut(), w -> ExceptionListing.write(format, reviews, engine.today(), w));
            return ExitCode.COMPLIANT.code();
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = {"List every exception with its status (valid, expiring, expired, invalid), days left and problems."})
    static final class ListCommand extends Base {
        @Override
        public Integer call() {
            return print(reviews());
        }
    }

    @Command(name = "expiring", mixinStandardHelpOptions = true,
            description = {"List the exceptions that expire within a number of days from --today (expired ones are left out).",
                "An exception's expiry date is its last valid day."})
    static final class ExpiringCommand extends Base {
        @Option(names = "--within", paramLabel = "DAYS", description = "How far ahead, in days: 30d or 30 (default: ${DEFAULT-VALUE}).")
        String within = "30d";

        @Override
        public Integer call() {
            Matcher m = DAYS.matcher(within.trim());
            if (!m.matches()) {
                throw new UserError(ExitCode.CONFIG_ERROR, "--within '" + within + "' is not a number of days like 30d");
            }
            long days = Long.parseLong(m.group(1));
            return print(reviews().stream().filter(r -> r.expiresWithin(days)).toList());
        }
    }

    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = {"Check exceptions against the radar and its exception policy, without a repository.",
                "Exits 1 when any exception is invalid (too long, unapproved, untrusted approver, missing reason or ADR,",
                "unknown entry or rule) or expired, and 2 when a file cannot be loaded (YAML, unknown keys, bad dates)."})
    static final class ValidateCommand extends Base {
        @Override
        public Integer call() {
            List<ExceptionReview> reviews = reviews();
            print(reviews);
            Predicate<ExceptionReview> failing = ExceptionReview::fails;
            return reviews.stream().anyMatch(failing) ? ExitCode.FINDINGS.code() : ExitCode.COMPLIANT.code();
        }
    }
}
