namespace FocusBot.Domain.Aggregates;

/// <summary>An increment (or, when an answer changes, a decrement) of one aggregate cell.</summary>
public sealed record AggregateDelta(string TenantId, string Period, string Slice, string Key, string Bucket, long Delta);
