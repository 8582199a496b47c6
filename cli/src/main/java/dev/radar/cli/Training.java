package dev.radar.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The packaging step's class-data-sharing archive ({@code cli/target/radar.jsa}), made from a training run:
 * <ol>
 * <li>{@code run}: checks one repository in every report format and lists the rules, in a JVM started with
 *     {@code -XX:DumpLoadedClassList}, so the class list holds what a real check loads;</li>
 * <li>{@code archive}: runs that JVM, drops the {@code @lambda-proxy} lines from the list (JDK 17 can crash
 *     archiving them) and dumps a static archive with {@code -Xshare:dump} for the jar's exact class path.</li>
 * </ol>
 * A static archive also holds picocli's pre-Java-6 classes, which JDK 17's dynamic archives refuse. A failed dump
 * only costs start-up time: it is reported and the build goes on. Not a user command.
 *
 * <p>Usage: {@code java -cp radar.jar dev.radar.cli.Training archive JSA REPO RADAR}
 */
public final class Training {
    private Training() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 3 && args[0].equals("run")) {
            System.exit(run(args[1], args[2]));
        } else if (args.length == 4 && args[0].equals("archive")) {
            System.exit(archive(Path.of(args[1]), args[2], args[3]));
        } else {
            System.err.println("usage: Training archive JSA REPO RADAR | Training run REPO RADAR");
            System.exit(2);
        }
    }

    /** The workload: a check per report format (the first parses and caches the radar, the rest read the cache). */
    static int run(String repo, String radar) throws IOException {
        Path out = Files.createTempDirectory("radar-training");
        System.setProperty("radar.cache.dir", Files.createDirectories(out.resolve("cache")).toString());
        int failures = 0;
        try {
            for (var w : dev.radar.report.ReportFormats.all()) {
                int code = execute("check", repo, "--radar", radar, "--today", "2026-11-22", "--format", w.name(),
                        "--output", out.resolve("report." + w.name()).toString());
                failures += code == ExitCode.COMPLIANT.code() || code == ExitCode.FINDINGS.code() ? 0 : 1;
            }
            failures += execute("rules") == 0 ? 0 : 1;
            failures += execute("check", "--help") == 0 ? 0 : 1;
        } finally {
            try (var files = Files.walk(out)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
        return failures == 0 ? 0 : 1;
    }

    private static int execute(String... args) {
        return Main.commandLine(new PrintWriter(Writer.nullWriter()), new PrintWriter(System.err, true), args).execute(args);
    }

    /** Trains, filters the class list and dumps the archive; returns 0 also when the dump fails (see class comment). */
    static int archive(Path jsa, String repo, String radar) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = System.getProperty("java.class.path");
        Path list = jsa.resolveSibling(jsa.getFileName() + ".classlist");
        Files.deleteIfExists(jsa);
        Files.deleteIfExists(list);
        int trained = exec(List.of(java, "-XX:DumpLoadedClassList=" + list, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", classPath, Training.class.getName(), "run", repo, radar));
        if (trained != 0 || !Files.isRegularFile(list)) {
            System.out.println("radar: class-data-sharing training run failed (exit " + trained + "); no archive, start-up will be slower");
            return 0;
        }
        List<String> kept = new ArrayList<>();
        int dropped = 0;
        for (String line : Files.readAllLines(list, StandardCharsets.UTF_8)) {
            if (line.startsWith("@lambda-proxy")) {
                dropped++;
            } else {
                kept.add(line);
            }
        }
        Files.write(list, kept, StandardCharsets.UTF_8);
        int dumped = exec(List.of(java, "-Xshare:dump", "-XX:SharedClassListFile=" + list, "-XX:SharedArchiveFile=" + jsa,
                "-Xlog:disable", "-Xlog:cds=error:stderr", "-cp", classPath));
        if (dumped != 0 || !Files.isRegularFile(jsa)) {
            Files.deleteIfExists(jsa);
            System.out.println("radar: class-data-sharing dump failed (exit " + dumped + "); no archive, start-up will be slower");
            return 0;
        }
        System.out.println("radar: class-data-sharing archive " + jsa.getFileName() + ": " + kept.size() + " classes ("
                + dropped + " lambda proxies left out), " + Files.size(jsa) / (1024 * 1024) + " MiB");
        return 0;
    }

    private static int exec(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }
}
