package dev.radar.cli;

import dev.radar.model.ConfigException;
import dev.radar.model.ConfigProblem;
import java.io.PrintWriter;
import picocli.CommandLine;

/** Entry point of the {@code radar} command. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(mainWithoutExit(args));
    }

    /** Runs a command line and returns its exit code, without exiting the JVM (for tests). */
    public static int mainWithoutExit(String... args) {
        return commandLine(new PrintWriter(System.out, true), new PrintWriter(System.err, true)).execute(args);
    }

    /** The configured command line, writing to the given streams. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new RadarCommand());
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExitCodeExceptionMapper(e -> ExitCode.CONFIG_ERROR.code());
        cl.setExecutionExceptionHandler(Main::handle);
        applyExitCodeHelp(cl);
        return cl;
    }

    private static void applyExitCodeHelp(CommandLine cl) {
        cl.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(ExitCode.helpList());
        cl.getSubcommands().values().forEach(Main::applyExitCodeHelp);
    }

    /** One clear line per problem instead of a stack trace. */
    private static int handle(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        if (e instanceof ConfigException ce) {
            for (ConfigProblem p : ce.problems()) {
                err.println(p);
            }
            err.flush();
            return ExitCode.CONFIG_ERROR.code();
        }
        if (e instanceof CommandLine.ParameterException pe) {
            err.println("radar: " + pe.getMessage());
            err.flush();
            return ExitCode.CONFIG_ERROR.code();
        }
        if (e instanceof UserError ue) {
            err.println("radar: " + ue.getMessage());
            err.flush();
            return ue.exitCode().code();
        }
        err.println("radar: internal error: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        if (System.getenv("RADAR_DEBUG") != null) {
            e.printStackTrace(err);
        } else {
            err.println("radar: set RADAR_DEBUG=1 for the stack trace, and please report it.");
        }
        err.flush();
        return ExitCode.CONFIG_ERROR.code();
    }
}
