namespace FocusBot.Storage.AzureTables;

internal enum TableOperationKind
{
    /// <summary>POST: fails with 409 when the entity exists.</summary>
    Insert,

    /// <summary>PUT without If-Match: insert or replace every property.</summary>
    UpsertReplace,

    /// <summary>MERGE without If-Match: insert or update the given properties.</summary>
    UpsertMerge,

    /// <summary>PUT with If-Match: replace an existing entity (412 when the ETag no longer matches, 404 when missing).</summary>
    Replace,

    /// <summary>MERGE with If-Match.</summary>
    Merge,

    /// <summary>DELETE with If-Match ("*" for any version).</summary>
    Delete,
}

/// <summary>One write, alone or inside an entity group transaction.</summary>
internal sealed record TableOperation(TableOperationKind Kind, TableRow Entity, string? ETag = null)
{
    public static TableOperation Insert(TableRow entity) => new(TableOperationKind.Insert, entity);

    public static TableOperation UpsertReplace(TableRow entity) => new(TableOperationKind.UpsertReplace, entity);

    public static TableOperation UpsertMerge(TableRow entity) => new(TableOperationKind.UpsertMerge, entity);

    public static TableOperation Replace(TableRow entity, string etag) => new(TableOperationKind.Replace, entity, etag);

    public static TableOperation Merge(TableRow entity, string etag) => new(TableOperationKind.Merge, entity, etag);

    public static TableOperation Delete(string partitionKey, string rowKey, string etag = "*") => new(TableOperationKind.Delete, new TableRow(partitionKey, rowKey), etag);
}
