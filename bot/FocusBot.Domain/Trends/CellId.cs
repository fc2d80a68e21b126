namespace FocusBot.Domain.Trends;

/// <summary>Identifies one aggregate cell of a tenant.</summary>
public readonly record struct CellId(string Period, string Slice, string Key, string Bucket);
