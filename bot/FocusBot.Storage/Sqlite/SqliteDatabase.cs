using System.Runtime.CompilerServices;
using FocusBot.Domain.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace FocusBot.Storage.Sqlite;

/// <summary>
/// The focusbot.db file: one long-lived write connection behind a gate (SQLite has a single writer anyway, and the
/// cached statements live on it) and pooled read connections, which WAL lets run beside the writer.
/// </summary>
internal sealed partial class SqliteDatabase : IStorageInitializer, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);
    private readonly SqliteStorageOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly string _connectionString;
    private SqliteConnection? _writer;
    private bool _disposed;

    public SqliteDatabase(SqliteStorageOptions options, TimeProvider timeProvider, ILogger<SqliteDatabase> logger)
    {
        _options = options;
        _timeProvider = timeProvider;
        _logger = logger;
        FilePath = options.FilePath;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = Math.Max(1, (int)Math.Ceiling(options.BusyTimeout.TotalSeconds)),
        }.ToString();
    }

    public string FilePath { get; }

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _writer) is not null)
        {
            return;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            EnsureOpen();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Runs <paramref name="work"/> in one transaction on the write connection; commits when it returns.</summary>
    public async Task<T> WriteAsync<T>(Func<SqliteWriter, T> work, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var connection = EnsureOpen();
            using var transaction = connection.BeginTransaction(deferred: false);
            var result = work(new SqliteWriter(connection, transaction, _commands));
            transaction.Commit();
            return result;
        }
        catch (SqliteException exception) when (SqliteFailure.IsUnavailable(exception))
        {
            throw SqliteFailure.Unavailable(FilePath, exception);
        }
        finally
        {
            _gate.Release();
        }
    }

    public Task WriteAsync(Action<SqliteWriter> work, CancellationToken cancellationToken) =>
        WriteAsync<bool>(writer => { work(writer); return true; }, cancellationToken);

    /// <summary>Streams the rows of a query on a pooled read connection.</summary>
    public async IAsyncEnumerable<T> QueryAsync<T>(
        string sql,
        Action<SqliteCommand>? bind,
        Func<SqliteDataReader, T> map,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken);
        using var connection = Run(OpenReadConnection);
        using var command = connection.CreateCommand();
#pragma warning disable CA2100 // Every statement is a constant in a store; values always travel as parameters.
        command.CommandText = sql;
#pragma warning restore CA2100
        bind?.Invoke(command);
        using var reader = Run(command.ExecuteReader);
        while (Run(reader.Read))
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return map(reader);
        }
    }

    public async Task<List<T>> QueryListAsync<T>(string sql, Action<SqliteCommand>? bind, Func<SqliteDataReader, T> map, CancellationToken cancellationToken)
    {
        var list = new List<T>();
        await foreach (var item in QueryAsync(sql, bind, map, cancellationToken))
        {
            list.Add(item);
        }

        return list;
    }

    public async Task<T?> QuerySingleAsync<T>(string sql, Action<SqliteCommand>? bind, Func<SqliteDataReader, T> map, CancellationToken cancellationToken)
        where T : class
    {
        await foreach (var item in QueryAsync(sql, bind, map, cancellationToken))
        {
            return item;
        }

        return null;
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }

        if (_writer is not null)
        {
            SqliteConnection.ClearPool(_writer);
            _writer.Dispose();
        }

        _gate.Dispose();
    }

    private SqliteConnection EnsureOpen()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_writer is not null)
        {
            return _writer;
        }

        var directory = Path.GetDirectoryName(FilePath)!;
        try
        {
            Directory.CreateDirectory(directory);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw new StorageUnavailableException(
                $"FocusBot storage file '{FilePath}' is unavailable: its folder cannot be created ({exception.Message.TrimEnd('.')}).", exception);
        }

        var connection = new SqliteConnection(_connectionString);
        try
        {
            connection.Open();
            var journalMode = Execute(connection, "PRAGMA journal_mode=WAL;");
            if (!string.Equals(journalMode, "wal", StringComparison.OrdinalIgnoreCase))
            {
                throw new StorageUnavailableException($"FocusBot storage file '{FilePath}' is unavailable: it cannot be switched to WAL mode (it is in '{journalMode}' mode).");
            }

            // FULL syncs the WAL on every commit, so an answer acknowledged to a user survives a power cut, not just a crash.
            Execute(connection, "PRAGMA synchronous=FULL;");
            Execute(connection, $"PRAGMA busy_timeout={(int)_options.BusyTimeout.TotalMilliseconds};");
            var applied = SqliteMigrations.Apply(connection, FilePath, _timeProvider);
            if (applied > 0)
            {
                LogMigrated(_logger, applied, SqliteMigrations.LatestVersion);
            }

            Volatile.Write(ref _writer, connection);
            return connection;
        }
        catch (SqliteException exception)
        {
            connection.Dispose();
            throw SqliteFailure.Unavailable(FilePath, exception);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private SqliteConnection OpenReadConnection()
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            connection.Open();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private static string? Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
#pragma warning disable CA2100 // Pragmas built from our own numbers, no outside input.
        command.CommandText = sql;
#pragma warning restore CA2100
        return command.ExecuteScalar()?.ToString();
    }

    private T Run<T>(Func<T> action)
    {
        try
        {
            return action();
        }
        catch (SqliteException exception) when (SqliteFailure.IsUnavailable(exception))
        {
            throw SqliteFailure.Unavailable(FilePath, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Storage schema migrated: {Applied} migration(s) applied, now at version {Version}")]
    private static partial void LogMigrated(ILogger logger, int applied, int version);
}
