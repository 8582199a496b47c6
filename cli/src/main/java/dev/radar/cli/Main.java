package dev.radar.cli;

import dev.radar.check.Timings;
import dev.radar.model.ConfigException;
import dev.radar.model.ConfigProblem;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

/** Entry point of the {@code radar} command. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        Timings.enteredMain();
        Preload.start(args);
        System.exit(mainWithoutExit(args));
    }

    /** Runs a command line and returns its exit code, without exiting the JVM (for tests). */
    public static int mainWithoutExit(String... args) {
        return commandLine(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args).execute(args);
    }

    /** The configured command line with every subcommand, writing to the given streams. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return configure(new CommandLine(new RadarCommand()), out, err);
    }

    /**
     * The command line for these arguments: when they start with a subcommand's name, only that subcommand is
     * built (picocli inspects every command's annotations up front, a cost each check would pay for every other
     * command); otherwise (help, version, a typo) the whole tree.
     */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err, String... args) {
        if (args.length > 0 && !args[0].startsWith("-")) {
            Class<?> sub = HOT.get(args[0]);
            String name = args[0];
            if (sub == null) {
                for (Class<?> c : RadarCommand.class.getAnnotation(Command.class).subcommands()) {
                    Command command = c.getAnnotation(Command.class);
                    if (command != null && (command.name().equals(args[0]) || java.util.Arrays.asList(command.aliases()).contains(args[0]))) {
                        sub = c;
                        name = command.name();
                        break;
                    }
                }
            }
            if (sub != null) {
                try {
                    java.lang.reflect.Constructor<?> ctor = sub.getDeclaredConstructor();
                    ctor.setAccessible(true);
                    // the top command's own options (--help, --version) are not built: the arguments start with a
                    // subcommand, whose options come after it
                    CommandLine cl = new CommandLine(CommandSpec.wrapWithoutInspection(new RadarCommand()).name("radar"));
                    cl.addSubcommand(name, new CommandLine(ctor.newInstance()));
                    return configure(cl, out, err);
                } catch (ReflectiveOperationException e) {
                    // build the whole tree instead
                }
            }
        }
        return commandLine(out, err);
    }

    /**
     * The subcommands a CI job or a nightly run starts most, by name, so that finding them reads no other command's
     * annotations (reading an annotation parses it and makes a proxy class: a cost at every start); HelpTest checks
     * the names against the commands' own.
     */
    static final java.util.Map<String, Class<?>> HOT = java.util.Map.of("check", CheckCommand.class, "scan", ScanCommand.class);

    private static CommandLine configure(CommandLine cl, PrintWriter out, PrintWriter err) {
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
        if (e instanceof java.io.UncheckedIOException io) {
            err.println("radar: " + (io.getMessage() == null ? IoReason.of(io.getCause()) : io.getMessage()));
            err.flush();
            return ExitCode.CONFIG_ERROR.code();
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
