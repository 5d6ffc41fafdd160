package io.accessgov.dynamics.database;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.springframework.util.FileSystemUtils;

/**
 * A real PostgreSQL server for the tests, started by the tests themselves: the server binaries installed from the
 * Debian packages ({@code apt-get install postgresql}; {@code .ci/run} does so), a cluster created by {@code initdb}
 * in a temporary directory, listening on a free port of 127.0.0.1 only, its unix socket in that directory, and stopped
 * and deleted when the test JVM ends. PostgreSQL refuses to run as root: as root the server runs as the
 * {@code postgres} user the package creates, which then owns the directory. One server per test JVM; each test class
 * takes a fresh database of its own ({@link #newDatabase()}). Without the binaries the tests fail, naming what to
 * install; they never skip.
 */
public final class TestPostgres {

    private static final String SUPERUSER = "postgres";
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static TestPostgres server;

    private final Path bin;
    private final Path directory;
    private final int port;
    private final boolean asPostgresUser;

    private TestPostgres(Path bin, Path directory, int port, boolean asPostgresUser) {
        this.bin = bin;
        this.directory = directory;
        this.port = port;
        this.asPostgresUser = asPostgresUser;
    }

    /** The server of this JVM, started on first use. */
    public static synchronized TestPostgres server() {
        if (server == null) {
            server = start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "test-postgres-stop"));
        }
        return server;
    }

    /** A new, empty database on the server, for one test class. */
    public static Database newDatabase() {
        TestPostgres postgres = server();
        String name = "connector_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (Connection admin = DriverManager.getConnection(postgres.url("postgres"), SUPERUSER, "");
                Statement create = admin.createStatement()) {
            create.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the test database " + name, e);
        }
        return new Database(postgres.url(name), SUPERUSER, "");
    }

    /** A database of the test server: what {@code spring.datasource.*} is set to. */
    public record Database(String url, String username, String password) {

        /** The {@code spring.datasource.*} settings as command-line arguments. */
        public List<String> arguments() {
            return List.of(
                    "--spring.datasource.url=" + url,
                    "--spring.datasource.username=" + username,
                    "--spring.datasource.password=" + password);
        }

        public Connection connect() throws SQLException {
            return DriverManager.getConnection(url, username, password);
        }
    }

    private String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    private static TestPostgres start() {
        Path bin = binaries();
        boolean root = isRoot();
        try {
            Path directory = Files.createTempDirectory("test-postgres-");
            if (root) {
                UserPrincipalLookupService users = directory.getFileSystem().getUserPrincipalLookupService();
                Files.setOwner(directory, users.lookupPrincipalByName(SUPERUSER));
            }
            int port = freePort();
            TestPostgres postgres = new TestPostgres(bin, directory, port, root);
            postgres.run(
                    "initdb",
                    "-D",
                    directory.resolve("data").toString(),
                    "-U",
                    SUPERUSER,
                    "-A",
                    "trust",
                    "-E",
                    "UTF8",
                    "--locale=C",
                    "--no-sync");
            postgres.run(
                    "pg_ctl",
                    "start",
                    "-w",
                    "-t",
                    "60",
                    "-D",
                    directory.resolve("data").toString(),
                    "-l",
                    directory.resolve("server.log").toString(),
                    "-o",
                    "-h 127.0.0.1 -p " + port + " -k " + directory + " -c fsync=off -c max_connections=200");
            return postgres;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start the test PostgreSQL server", e);
        }
    }

    private void stop() {
        try {
            run(
                    "pg_ctl",
                    "stop",
                    "-m",
                    "immediate",
                    "-w",
                    "-D",
                    directory.resolve("data").toString());
        } catch (RuntimeException e) {
            System.err.println("Stopping the test PostgreSQL server failed: " + e.getMessage());
        }
        try {
            FileSystemUtils.deleteRecursively(directory);
        } catch (IOException ignored) {
            // a temporary directory; the system cleans it eventually
        }
    }

    private void run(String program, String... arguments) {
        List<String> command = new ArrayList<>();
        if (asPostgresUser) {
            command.addAll(List.of("runuser", "-u", SUPERUSER, "--"));
        }
        command.add(bin.resolve(program).toString());
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .directory(directory.toFile())
                    .start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                String log = "";
                Path serverLog = directory.resolve("server.log");
                if (Files.exists(serverLog)) {
                    log = "\n" + Files.readString(serverLog);
                }
                throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output + log);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + program, e);
        }
    }

    /** {@code pg_config --bindir} when it has initdb, else the newest {@code /usr/lib/postgresql/<version>/bin}. */
    private static Path binaries() {
        try {
            Process pgConfig = new ProcessBuilder("pg_config", "--bindir")
                    .redirectErrorStream(true)
                    .start();
            String answer = new String(pgConfig.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (pgConfig.waitFor() == 0 && Files.isExecutable(Path.of(answer, "initdb"))) {
                return Path.of(answer);
            }
        } catch (IOException notInstalled) {
            // look in the Debian location below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                return versions.map(version -> version.resolve("bin"))
                        .filter(bin -> Files.isExecutable(bin.resolve("initdb")))
                        .max(Comparator.comparing(TestPostgres::version))
                        .orElseThrow(TestPostgres::missing);
            } catch (IOException e) {
                throw missing();
            }
        }
        throw missing();
    }

    private static int version(Path bin) {
        try {
            return Integer.parseInt(bin.getParent().getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static IllegalStateException missing() {
        return new IllegalStateException("The PostgreSQL tests need the PostgreSQL server binaries (initdb, pg_ctl,"
                + " postgres), found neither by `pg_config --bindir` nor in /usr/lib/postgresql/*/bin. Install them,"
                + " e.g. `apt-get install postgresql` (.ci/run does so).");
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name").toLowerCase(Locale.ROOT));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
