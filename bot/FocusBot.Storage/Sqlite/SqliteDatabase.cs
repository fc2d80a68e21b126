using System.Runtime.CompilerServices;
using System.Threading.Channels;
using FocusBot.Domain.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace FocusBot.Storage.Sqlite;

/// <summary>
/// The focusbot.db file: one long-lived write connection fed by a queue (SQLite has a single writer anyway; the cached
/// statements live on it, and queued writes share one commit) and pooled read connections, which WAL lets run beside
/// the writer.
/// </summary>
internal sealed partial class SqliteDatabase : IStorageInitializer, IDisposable, IAsyncDisposable
{
    // Enough to amortise one fsync over many answers, small enough that one transaction stays short.
    private const int MaxGroupSize = 256;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Channel<PendingWrite> _queue = Channel.CreateUnbounded<PendingWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);
    private readonly SqliteStorageOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly string _connectionString;
    private SqliteConnection? _writer;
    private Task? _writeLoop;
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

    /// <summary>
    /// Runs <paramref name="work"/> atomically on the write connection and returns once it is durably committed.
    /// Writes that arrive together are committed together (group commit): one transaction and one fsync for many
    /// callers, each inside its own savepoint, so a caller whose work throws is rolled back alone and gets the exception.
    /// </summary>
    public async Task<T> WriteAsync<T>(Func<SqliteWriter, T> work, CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken);
        var pending = new PendingWrite(writer => work(writer), cancellationToken);
        ObjectDisposedException.ThrowIf(!_queue.Writer.TryWrite(pending), this);

        return (T)(await pending.Completion.Task)!;
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

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _queue.Writer.TryComplete();
        if (_writeLoop is not null)
        {
            await _writeLoop;
        }

        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }

        if (_writer is not null)
        {
            SqliteConnection.ClearPool(_writer);
            await _writer.DisposeAsync();
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

            _writeLoop = Task.Run(() => WriteLoopAsync(connection));
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

    private async Task WriteLoopAsync(SqliteConnection connection)
    {
        var group = new List<PendingWrite>(MaxGroupSize);
        while (await _queue.Reader.WaitToReadAsync())
        {
            group.Clear();
            while (group.Count < MaxGroupSize && _queue.Reader.TryRead(out var next))
            {
                if (next.CancellationToken.IsCancellationRequested)
                {
                    next.Completion.TrySetCanceled(next.CancellationToken);
                    continue;
                }

                group.Add(next);
            }

            if (group.Count > 0)
            {
                CommitGroup(connection, group);
            }
        }
    }

    private void CommitGroup(SqliteConnection connection, List<PendingWrite> group)
    {
        var results = new object?[group.Count];
        var failures = new Exception?[group.Count];
        try
        {
            using var transaction = connection.BeginTransaction(deferred: false);
            var writer = new SqliteWriter(connection, transaction, _commands);
            for (var i = 0; i < group.Count; i++)
            {
                writer.Command("SAVEPOINT one_write;").ExecuteNonQuery();
                try
                {
                    results[i] = group[i].Work(writer);
                    writer.Command("RELEASE one_write;").ExecuteNonQuery();
                }
                catch (Exception exception) when (exception is not SqliteException sqlite || !SqliteFailure.IsUnavailable(sqlite))
                {
                    writer.Command("ROLLBACK TO one_write;").ExecuteNonQuery();
                    writer.Command("RELEASE one_write;").ExecuteNonQuery();
                    failures[i] = exception;
                }
            }

            transaction.Commit();
        }
        catch (SqliteException exception) when (SqliteFailure.IsUnavailable(exception))
        {
            var unavailable = SqliteFailure.Unavailable(FilePath, exception);
            foreach (var pending in group)
            {
                pending.Completion.TrySetException(unavailable);
            }

            return;
        }
        catch (Exception exception)
        {
            foreach (var pending in group)
            {
                pending.Completion.TrySetException(exception);
            }

            return;
        }

        // Only now, after the commit (and its fsync), does any caller learn that its write is stored.
        for (var i = 0; i < group.Count; i++)
        {
            if (failures[i] is { } failure)
            {
                group[i].Completion.TrySetException(failure);
            }
            else
            {
                group[i].Completion.TrySetResult(results[i]);
            }
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

    private sealed record PendingWrite(Func<SqliteWriter, object?> Work, CancellationToken CancellationToken)
    {
        public TaskCompletionSource<object?> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Storage schema migrated: {Applied} migration(s) applied, now at version {Version}")]
    private static partial void LogMigrated(ILogger logger, int applied, int version);
}
