using System.Reflection;
using System.Runtime.Loader;
using Microsoft.Extensions.Logging.Abstractions;

namespace FocusBot.Bench.Tables;

/// <summary>
/// The hand-written Table REST client FocusBot used before Azure.Data.Tables (commit 6ea546d), loaded from a separate
/// build of that commit's FocusBot.Storage into its own AssemblyLoadContext and driven by reflection: the baseline is
/// the code as it shipped, not a copy kept alive in this repository. Reflection adds microseconds to calls that take
/// milliseconds.
/// </summary>
internal sealed class PreviousTableClient : IDisposable
{
    /// <summary>Folder holding the old FocusBot.Storage.dll and its dependencies (see the README).</summary>
    public const string FolderVariable = "FOCUSBOT_BENCH_PREVIOUS_STORAGE";

    private readonly object _client;
    private readonly Type _entityType;
    private readonly Type _operationType;
    private readonly PropertyInfo _indexer;
    private readonly MethodInfo _upsertReplace;
    private readonly MethodInfo _insert;
    private readonly MethodInfo _execute;
    private readonly MethodInfo _submitBatch;
    private readonly MethodInfo _createTable;

    private PreviousTableClient(Assembly storage, string connectionString)
    {
        var options = Activator.CreateInstance(Type(storage, "AzureTablesOptions"))!;
        options.GetType().GetProperty("ConnectionString")!.SetValue(options, connectionString);
        var factory = Type(storage, "TableClientFactory").GetMethod("Create", BindingFlags.Public | BindingFlags.Static)!;
        _client = factory.Invoke(null, [options, NullLogger.Instance, TimeProvider.System, null])!;
        var clientType = _client.GetType();
        _entityType = Type(storage, "TableEntity");
        _operationType = Type(storage, "TableOperation");
        _indexer = _entityType.GetProperty("Item")!;
        _upsertReplace = _operationType.GetMethod("UpsertReplace")!;
        _insert = _operationType.GetMethod("Insert")!;
        _execute = clientType.GetMethod("ExecuteAsync")!;
        _submitBatch = clientType.GetMethod("SubmitBatchAsync")!;
        _createTable = clientType.GetMethod("CreateTableIfNotExistsAsync")!;
    }

    /// <summary>The client, or null (with the reason) when the old build is not where the variable says.</summary>
    public static PreviousTableClient? TryLoad(string connectionString, out string? missing)
    {
        var folder = Environment.GetEnvironmentVariable(FolderVariable);
        var path = folder is null ? null : Path.Combine(folder, "FocusBot.Storage.dll");
        if (path is null || !File.Exists(path))
        {
            missing = $"set {FolderVariable} to a build of FocusBot.Storage from commit 6ea546d (see tests/FocusBot.Bench/README.md)";
            return null;
        }

        missing = null;
        var context = new PreviousStorageContext(Path.GetFullPath(folder!));
        return new PreviousTableClient(context.LoadFromAssemblyPath(Path.GetFullPath(path)), connectionString);
    }

    public Task CreateTableAsync(string table) => (Task)_createTable.Invoke(_client, [table, CancellationToken.None])!;

    public Task UpsertAsync(string table, string partitionKey, string rowKey, IReadOnlyDictionary<string, object> properties) =>
        (Task)_execute.Invoke(_client, [table, _upsertReplace.Invoke(null, [Entity(partitionKey, rowKey, properties)]), CancellationToken.None])!;

    public Task InsertBatchAsync(string table, IReadOnlyList<(string PartitionKey, string RowKey, IReadOnlyDictionary<string, object> Properties)> rows)
    {
        var operations = Array.CreateInstance(_operationType, rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            operations.SetValue(_insert.Invoke(null, [Entity(rows[i].PartitionKey, rows[i].RowKey, rows[i].Properties)]), i);
        }

        return (Task)_submitBatch.Invoke(_client, [table, operations, CancellationToken.None])!;
    }

    public void Dispose() => ((IDisposable)_client).Dispose();

    private static Type Type(Assembly storage, string name) =>
        storage.GetType("FocusBot.Storage.AzureTables." + name, throwOnError: true)!;

    private object Entity(string partitionKey, string rowKey, IReadOnlyDictionary<string, object> properties)
    {
        var entity = Activator.CreateInstance(_entityType, partitionKey, rowKey)!;
        foreach (var (name, value) in properties)
        {
            _indexer.SetValue(entity, value, [name]);
        }

        return entity;
    }

    /// <summary>
    /// The old FocusBot assemblies and their pinned packages (Polly, Azure.Core 1.50) come from the old build; the shared
    /// framework and Microsoft.Extensions come from the bench, so a logger can cross the boundary.
    /// </summary>
    private sealed class PreviousStorageContext(string folder) : AssemblyLoadContext("previous-storage")
    {
        protected override Assembly? Load(AssemblyName assemblyName)
        {
            var name = assemblyName.Name ?? string.Empty;
            if (!name.StartsWith("FocusBot.", StringComparison.Ordinal) && !name.StartsWith("Polly", StringComparison.Ordinal) && !name.StartsWith("Azure.", StringComparison.Ordinal))
            {
                return null;
            }

            var path = Path.Combine(folder, name + ".dll");
            return File.Exists(path) ? LoadFromAssemblyPath(path) : null;
        }
    }
}
