using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace VapiWebhooks.SampleHost.Data;

/// <summary>
/// The clinic's SQLite database: one file in WAL mode, so that readers never wait for the writer. Reads open a
/// pooled connection each; every write goes through the one <see cref="DatabaseWriter"/>, so writers never
/// contend (contending writers wait in SQLite's busy handler, which under load stalled requests for seconds).
/// </summary>
public sealed class ClinicDatabase : IDisposable
{
    private const string Schema = """
        PRAGMA journal_mode = WAL;

        CREATE TABLE IF NOT EXISTS customers (
            phone       TEXT PRIMARY KEY,
            name        TEXT,
            blocked     INTEGER NOT NULL DEFAULT 0,
            created_at  TEXT NOT NULL
        );

        -- starts_at is the clinic's local time, 'yyyy-MM-ddTHH:mm', so that text order is time order.
        CREATE TABLE IF NOT EXISTS appointments (
            id            INTEGER PRIMARY KEY AUTOINCREMENT,
            starts_at     TEXT NOT NULL,
            patient_name  TEXT NOT NULL,
            phone         TEXT,
            reason        TEXT,
            status        TEXT NOT NULL DEFAULT 'booked',
            call_id       TEXT,
            created_at    TEXT NOT NULL,
            cancelled_at  TEXT
        );

        -- At most one live booking per slot: the database, not a check-then-insert race, refuses double bookings.
        CREATE UNIQUE INDEX IF NOT EXISTS ux_appointments_booked_slot ON appointments (starts_at) WHERE status = 'booked';
        CREATE INDEX IF NOT EXISTS ix_appointments_phone ON appointments (phone, starts_at);

        CREATE TABLE IF NOT EXISTS calls (
            call_id        TEXT PRIMARY KEY,
            customer_phone TEXT,
            last_status    TEXT,
            started_at     TEXT,
            ended_at       TEXT,
            ended_reason   TEXT,
            cost           REAL,
            summary        TEXT,
            transcript     TEXT,
            recording_url  TEXT,
            updated_at     TEXT NOT NULL
        );

        CREATE TABLE IF NOT EXISTS call_status_events (
            id            INTEGER PRIMARY KEY AUTOINCREMENT,
            call_id       TEXT NOT NULL,
            status        TEXT NOT NULL,
            ended_reason  TEXT,
            at            TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_call_status_events_call ON call_status_events (call_id, id);
        """;

    private readonly string _connectionString;
    private readonly SemaphoreSlim _initGate = new(1, 1);
    private volatile bool _initialised;

    public ClinicDatabase(IOptions<SampleOptions> options, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        FilePath = options.Value.ResolveDatabasePath(environment.ContentRootPath);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            ForeignKeys = true,
        }.ToString();
    }

    /// <summary>The absolute path of the database file.</summary>
    public string FilePath { get; }

    /// <summary>Creates the folder and the schema if needed (idempotent).</summary>
    public async Task InitialiseAsync(CancellationToken cancellationToken = default)
    {
        if (_initialised)
        {
            return;
        }

        await _initGate.WaitAsync(cancellationToken);
        try
        {
            if (_initialised)
            {
                return;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
            await using var connection = new SqliteConnection(_connectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = Schema;
            await command.ExecuteNonQueryAsync(cancellationToken);
            _initialised = true;
        }
        finally
        {
            _initGate.Release();
        }
    }

    public void Dispose()
    {
        _initGate.Dispose();
        SqliteConnection.ClearAllPools();
    }

    /// <summary>An open connection for reading; dispose it when done. Writes go through <see cref="DatabaseWriter"/>.</summary>
    public async Task<SqliteConnection> OpenReadAsync(CancellationToken cancellationToken = default)
    {
        await InitialiseAsync(cancellationToken);
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>The writer's own connection: WAL with synchronous=NORMAL, which survives a crash of the process (not of the machine) without a sync per commit.</summary>
    internal SqliteConnection OpenWriter()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA synchronous = NORMAL;";
        pragma.ExecuteNonQuery();
        return connection;
    }
}
