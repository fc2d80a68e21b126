namespace FocusBot.Domain.Leases;

/// <summary>Proof that <see cref="HolderId"/> holds the named lease until <see cref="ExpiresAt"/>.</summary>
public sealed record Lease(string Name, string HolderId, DateTimeOffset ExpiresAt, string ETag);
