package dev.radar.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;

/**
 * {@code radar} as a separate JVM, the way a scheduler runs it: the packaged jar with the launcher's JVM flags
 * when the build made it (else the test classpath), stderr collected line by line as it comes.
 */
final class ScanProcess implements AutoCloseable {
    final Process process;
    final List<String> lines = new CopyOnWriteArrayList<>();
    private final Thread reader;

    private ScanProcess(Process process) {
        this.process = process;
        this.reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    lines.add(line);
                }
            } catch (IOException e) {
                // the process was killed: its pipe closes
            }
        }, "scan-stderr");
        reader.setDaemon(true);
        reader.start();
    }

    /** The command line that runs radar: {@code prefix} (e.g. {@code sh -c 'ulimit -f 8; exec "$0" "$@"'}), java, flags, args. */
    static List<String> command(List<String> prefix, String... args) {
        List<String> command = new ArrayList<>(prefix);
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:-UsePerfData", "-Xshare:auto", "-Xlog:disable",
                "-Xlog:all=warning:stderr"));
        Path jar = Path.of("target", "radar.jar").toAbsolutePath();
        Path main = Path.of("target", "classes", "dev", "radar", "cli", "Main.class");
        if (Files.isRegularFile(jar) && Files.isRegularFile(main) && jar.toFile().lastModified() >= main.toFile().lastModified()) {
            Path jsa = jar.resolveSibling("radar.jsa");
            if (Files.isRegularFile(jsa)) {
                command.addAll(List.of("-XX:SharedArchiveFile=" + jsa, "-Xlog:cds*=off:stderr"));
            }
            command.addAll(List.of("-jar", jar.toString()));
        } else {
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        }
        command.addAll(List.of(args));
        return command;
    }

    /** Starts radar with these arguments in {@code dir}, with CI=true: one log line per repository. */
    static ScanProcess start(Path dir, List<String> prefix, String... args) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command(prefix, args)).directory(dir.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("CI", "true");
        pb.environment().remove("RADAR_JAVA_OPTS");
        return new ScanProcess(pb.start());
    }

    static ScanProcess start(Path dir, String... args) throws IOException {
        return start(dir, List.of(), args);
    }

    /** Waits for the end and returns the exit code. */
    int waitFor(long seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("radar did not finish within " + seconds + " s; stderr: " + String.join("\n", lines));
        }
        drain();
        return process.exitValue();
    }

    /** SIGKILL: no shutdown hook, no finally block, no flush. Returns once the process is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
        drain();
    }

    String stderr() {
        return String.join("\n", lines);
    }

    private void drain() throws InterruptedException {
        reader.join(5_000);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

    /** A git repository made from the files of a folder, with one commit on {@code main}: a local remote to clone. */
    static void gitRepository(Path from, Path to) throws IOException {
        ScanIT.copy(from, to);
        try (Git git = Git.init().setDirectory(to.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            git.commit().setMessage("initial").setAuthor("Test", "test@example.com").setCommitter("Test", "test@example.com")
                    .setSign(false).call();
        } catch (GitAPIException e) {
            throw new IOException(e);
        }
    }
}
