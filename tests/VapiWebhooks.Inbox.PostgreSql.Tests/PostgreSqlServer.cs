using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace VapiWebhooks.Inbox.PostgreSql.Tests;

/// <summary>
/// A throwaway PostgreSQL server: <c>initdb</c> into a temporary folder and <c>pg_ctl start</c> on a free loopback port,
/// as the <c>postgres</c> user when the tests run as root (PostgreSQL refuses to run as root), stopped and deleted at the end.
/// </summary>
public sealed class PostgreSqlServer : IAsyncLifetime
{
    /// <summary>Where Debian's postgresql package puts initdb (any version).</summary>
    public const string InitDb = "/usr/lib/postgresql/*/bin/initdb";

    /// <summary>Where Debian's postgresql package puts pg_ctl (any version).</summary>
    public const string PgCtl = "/usr/lib/postgresql/*/bin/pg_ctl";

    /// <summary>How to install them.</summary>
    public const string InstallHint = "sudo apt-get install -y postgresql";

    private string? _folder;
    private string? _bin;

    public int Port { get; private set; }

    /// <summary>Why the server cannot be started on this machine; null when it can.</summary>
    public static string? MissingReason
    {
        get
        {
            if (FindBin() is null)
            {
                return $"PostgreSQL (initdb, pg_ctl) is not installed; install with: {InstallHint}";
            }

            if (IsRoot && !File.Exists("/usr/sbin/runuser"))
            {
                return "running as root needs runuser (util-linux) to start PostgreSQL as the postgres user";
            }

            return null;
        }
    }

    private static bool IsRoot => Environment.UserName == "root";

    public string ConnectionString(string database) => $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Pooling=true;Timeout=5;Command Timeout=5";

    public async Task InitializeAsync()
    {
        if (MissingReason is { } reason)
        {
            // Outside CI the tests are skipped by their attribute; in CI they run and fail with this reason.
            if (!SystemTool.IsCi)
            {
                return;
            }

            throw new InvalidOperationException(reason);
        }

        _bin = FindBin()!;
        _folder = Directory.CreateTempSubdirectory("vapi-inbox-pg-").FullName;
        var data = Path.Combine(_folder, "data");
        if (IsRoot)
        {
            await RunAsync("chown", "-R", "postgres:postgres", _folder);
        }

        await RunAsPostgresAsync(Path.Combine(_bin, "initdb"), "-D", data, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8");
        Port = FreePort();
        await RunAsPostgresAsync(
            Path.Combine(_bin, "pg_ctl"), "-D", data, "-w", "-t", "60", "-l", Path.Combine(_folder, "server.log"),
            "-o", $"-p {Port} -k {_folder} -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=on",
            "start");
    }

    public async Task<string> CreateDatabaseAsync(string name)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    public async Task DisposeAsync()
    {
        if (_folder is null || _bin is null)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        try
        {
            await RunAsPostgresAsync(Path.Combine(_bin, "pg_ctl"), "-D", Path.Combine(_folder, "data"), "-m", "immediate", "-w", "stop");
        }
        finally
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static string? FindBin()
    {
        var initdb = SystemTool.Find(InitDb);
        var bin = Path.GetDirectoryName(initdb);
        return bin is not null && File.Exists(Path.Combine(bin, "pg_ctl")) ? bin : null;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static Task RunAsPostgresAsync(string program, params string[] arguments) =>
        IsRoot ? RunAsync("/usr/sbin/runuser", ["-u", "postgres", "--", program, .. arguments]) : RunAsync(program, arguments);

    private static async Task RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = "/tmp" };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited {process.ExitCode}: {await output} {await error}");
        }
    }
}
