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
 * <li>{@code run}: checks every repository of an organisation folder (each repository once, the first in every
 *     report format, so every collector and writer is loaded), lists the rules and scans a git repository made from
 *     the first twice (checked, then unchanged), in a JVM started with
 *     {@code -XX:DumpLoadedClassList}, so the class list holds what real checks load;</li>
 * <li>{@code archive}: runs that JVM and dumps a static archive with {@code -Xshare:dump} for the jar's exact class
 *     path, lambda proxies included (their classes are then not spun at run time), except those of a signed jar
 *     (JGit's), whose classes the dump skips and whose proxies crash JDK 17's dump. Debian's JDK 17 can crash
 *     archiving the lambda proxies of a process that compiled DRL at run time; the training run does not, but should
 *     the dump fail anyway it is retried with the {@code @lambda-proxy} lines dropped.</li>
 * </ol>
 * A static archive also holds picocli's pre-Java-6 classes, which JDK 17's dynamic archives refuse. A failed dump
 * only costs start-up time: it is reported and the build goes on. Not a user command.
 *
 * <p>Usage: {@code java -cp radar.jar dev.radar.cli.Training archive JSA ORG RADAR}, ORG a folder whose
 * subfolders are repositories (examples/org)
 */
public final class Training {
    private Training() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 3 && args[0].equals("run")) {
            System.exit(run(args[1], args[2]));
        } else if (args.length == 4 && args[0].equals("archive")) {
            System.exit(archive(Path.of(args[1]), args[2], args[3]));
        } else {
            System.err.println("usage: Training archive JSA ORG RADAR | Training run ORG RADAR");
            System.exit(2);
        }
    }

    /** The workload: checks every repository of ORG (the first parses and caches the radar, the rest read the cache). */
    static int run(String org, String radar) throws IOException {
        List<Path> repos;
        try (var dirs = Files.list(Path.of(org))) {
            repos = dirs.filter(Files::isDirectory).sorted().toList();
        }
        if (repos.isEmpty()) {
            System.err.println("radar training: no repository folders in " + org);
            return 1;
        }
        Path out = Files.createTempDirectory("radar-training");
        System.setProperty("radar.cache.dir", Files.createDirectories(out.resolve("cache")).toString());
        int failures = 0;
        try {
            List<Path> all = new ArrayList<>(repos);
            all.add(gradleProject(out.resolve("gradle-project"))); // the example organisation has no Gradle build
            for (Path repo : all) {
                var formats = repo.equals(repos.get(0)) ? dev.radar.report.ReportFormats.all() : List.of(dev.radar.report.ReportFormats.all().get(0));
                for (var w : formats) {
                    int code = execute("check", repo.toString(), "--radar", radar, "--today", "2026-11-22", "--format", w.name(),
                            "--output", out.resolve("report." + w.name()).toString());
                    failures += code == ExitCode.COMPLIANT.code() || code == ExitCode.FINDINGS.code()
                            || code == ExitCode.INCOMPLETE.code() ? 0 : 1;
                }
            }
            failures += execute("rules") == 0 ? 0 : 1;
            failures += execute("check", "--help") == 0 ? 0 : 1;
            failures += scans(repos.get(0), radar, out.resolve("scan"));
        } finally {
            try (var files = Files.walk(out)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
        return failures == 0 ? 0 : 1;
    }

    /**
     * Org scans of a git repository made from one example repository, read in place (what a nightly scan's cached
     * clones are): a first run that checks it and a second that finds it unchanged, so the scan's own code (git
     * objects, state index, summary, dashboard) is trained too. Returns the number of failed runs.
     */
    private static int scans(Path example, String radar, Path dir) throws IOException {
        Path repo = dir.resolve("remotes/example");
        try (var files = Files.walk(example)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path to = repo.resolve(example.relativize(f).toString());
                Files.createDirectories(to.getParent());
                Files.copy(f, to);
            }
        }
        try (org.eclipse.jgit.api.Git git = org.eclipse.jgit.api.Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            git.commit().setMessage("training").setAuthor("radar", "radar@example.org").setCommitter("radar", "radar@example.org")
                    .setSign(false).call();
        } catch (org.eclipse.jgit.api.errors.GitAPIException e) {
            System.err.println("radar training: cannot make a git repository: " + e.getMessage());
            return 1;
        }
        Path list = dir.resolve("repos.yaml");
        Files.writeString(list, "repos:\n  - name: example\n    url: '" + repo.toAbsolutePath().toString().replace("'", "''")
                + "'\n    team: training\n");
        int failures = 0;
        for (int run = 0; run < 2; run++) {
            int code = execute(new PrintWriter(Writer.nullWriter()), "scan", list.toString(), "--radar", radar, "--today", "2026-11-22",
                    "--output", dir.resolve("out").toString(), "--cache", dir.resolve("cache").toString(), "--progress", "none");
            failures += code == ExitCode.COMPLIANT.code() || code == ExitCode.FINDINGS.code() || code == ExitCode.INCOMPLETE.code() ? 0 : 1;
        }
        return failures;
    }

    /** A small Gradle build (Groovy and Kotlin scripts, a version catalog), so the Gradle collector is trained too. */
    private static Path gradleProject(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("gradle"));
        Files.createDirectories(dir.resolve("app"));
        Files.writeString(dir.resolve("settings.gradle"), "rootProject.name = 'training'\ninclude 'app'\n");
        Files.writeString(dir.resolve("build.gradle"), String.join("\n",
                "plugins {", "    id 'java'", "    id 'org.springframework.boot' version '3.3.0'", "}",
                "ext { jacksonVersion = '2.17.1' }",
                "dependencies {",
                "    implementation 'org.springframework.boot:spring-boot-starter-web'",
                "    implementation \"com.fasterxml.jackson.core:jackson-databind:${jacksonVersion}\"",
                "    runtimeOnly group: 'com.h2database', name: 'h2', version: '2.2.224'",
                "    testImplementation libs.junit.jupiter",
                "}", ""));
        Files.writeString(dir.resolve("app/build.gradle.kts"), String.join("\n",
                "plugins { java }", "val log4jVersion = \"2.23.1\"",
                "dependencies {", "    implementation(\"org.apache.logging.log4j:log4j-core:$log4jVersion\")",
                "    implementation(libs.guava)", "}", ""));
        Files.writeString(dir.resolve("gradle/libs.versions.toml"), String.join("\n",
                "[versions]", "junit = \"5.10.2\"", "[libraries]",
                "junit-jupiter = { module = \"org.junit.jupiter:junit-jupiter\", version.ref = \"junit\" }",
                "guava = \"com.google.guava:guava:33.2.0-jre\"", ""));
        return dir;
    }

    private static int execute(String... args) {
        return execute(new PrintWriter(System.err, true), args);
    }

    private static int execute(PrintWriter err, String... args) {
        return Main.commandLine(new PrintWriter(Writer.nullWriter()), err, args).execute(args);
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
        int signed = dropSignedLambdaProxies(list);
        int dumped = dump(java, classPath, list, jsa);
        int dropped = 0;
        if (dumped != 0) {
            List<String> kept = new ArrayList<>();
            for (String line : Files.readAllLines(list, StandardCharsets.UTF_8)) {
                if (line.startsWith("@lambda-proxy")) {
                    dropped++;
                } else {
                    kept.add(line);
                }
            }
            Files.write(list, kept, StandardCharsets.UTF_8);
            System.out.println("radar: class-data-sharing dump failed (exit " + dumped + "); retrying without the " + dropped
                    + " lambda proxies");
            dumped = dump(java, classPath, list, jsa);
        }
        if (dumped != 0 || !Files.isRegularFile(jsa)) {
            Files.deleteIfExists(jsa);
            System.out.println("radar: class-data-sharing dump failed (exit " + dumped + "); no archive, start-up will be slower");
            return 0;
        }
        long classes = Files.readAllLines(list, StandardCharsets.UTF_8).stream().filter(l -> !l.startsWith("#")).count();
        System.out.println("radar: class-data-sharing archive " + jsa.getFileName() + ": " + classes + " classes and lambda proxies"
                + (signed > 0 ? " (" + signed + " of signed jars left out)" : "")
                + (dropped > 0 ? " (" + dropped + " lambda proxies left out)" : "") + ", " + Files.size(jsa) / (1024 * 1024) + " MiB");
        return 0;
    }

    /**
     * Drops the lambda proxies whose host class comes from a signed jar (JGit's): the dump skips a signed jar's
     * classes, and JDK 17 then crashes archiving their proxies. Returns how many were dropped.
     */
    private static int dropSignedLambdaProxies(Path list) throws IOException {
        java.util.Map<String, Boolean> signedJars = new java.util.HashMap<>();
        List<String> kept = new ArrayList<>();
        int dropped = 0;
        for (String line : Files.readAllLines(list, StandardCharsets.UTF_8)) {
            String[] words = line.split(" ", 3);
            if (words.length > 1 && words[0].equals("@lambda-proxy") && fromSignedJar(words[1], signedJars)) {
                dropped++;
            } else {
                kept.add(line);
            }
        }
        Files.write(list, kept, StandardCharsets.UTF_8);
        return dropped;
    }

    private static boolean fromSignedJar(String className, java.util.Map<String, Boolean> signedJars) {
        java.net.URL url = ClassLoader.getSystemResource(className + ".class");
        if (url == null || !url.getProtocol().equals("jar")) {
            return false;
        }
        String jar = url.getPath().substring(0, Math.max(0, url.getPath().indexOf("!/")));
        return signedJars.computeIfAbsent(jar, j -> {
            try (java.util.jar.JarFile file = new java.util.jar.JarFile(Path.of(java.net.URI.create(j)).toFile())) {
                return file.stream().anyMatch(e -> e.getName().startsWith("META-INF/") && e.getName().endsWith(".SF"));
            } catch (IOException | RuntimeException e) {
                return false;
            }
        });
    }

    private static int dump(String java, String classPath, Path list, Path jsa) throws IOException, InterruptedException {
        Files.deleteIfExists(jsa);
        return exec(List.of(java, "-Xshare:dump", "-XX:SharedClassListFile=" + list, "-XX:SharedArchiveFile=" + jsa,
                "-Xlog:disable", "-Xlog:cds=error:stderr", "-cp", classPath));
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
