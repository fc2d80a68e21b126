namespace FocusBot.Domain.Aggregates;

/// <summary>
/// One pre-computed anonymous counter a trend report reads, e.g. (tenant, "W2026-48", "team:abc", "q17", "fav") = 12.
/// </summary>
public sealed record AggregateCell
{
    public required string TenantId { get; init; }

    /// <summary>"W2026-48", "M2026-11" or "Q2026-4": zero-pad weeks and months so periods sort as text.</summary>
    public required string Period { get; init; }

    /// <summary>"org", "team:&lt;id&gt;", "level:2", "tag:complaints", ...</summary>
    public required string Slice { get; init; }

    /// <summary>A question id or a dimension key.</summary>
    public required string Key { get; init; }

    /// <summary>"n", "fav", "sum", "correct", ...</summary>
    public required string Bucket { get; init; }

    public required long Count { get; init; }
}
