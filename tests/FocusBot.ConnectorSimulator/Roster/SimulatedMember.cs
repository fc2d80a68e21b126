using System.Globalization;

namespace FocusBot.ConnectorSimulator.Roster;

/// <summary>A Teams user as the members APIs return it (TeamsChannelAccount fields); <see cref="Id"/> is the 29: MRI.</summary>
public sealed record SimulatedMember(string Id)
{
    public string? Name { get; init; }

    public string? AadObjectId { get; init; }

    public string? Email { get; init; }

    public string? UserPrincipalName { get; init; }

    /// <summary>Filled from the team's tenant when registered without one.</summary>
    public string? TenantId { get; init; }

    public string? GivenName { get; init; }

    public string? Surname { get; init; }

    /// <summary>A deterministic, realistic-looking member number <paramref name="index"/>, for rosters of any size.</summary>
    public static SimulatedMember Numbered(int index, string tenantId)
    {
        var number = index.ToString("D6", CultureInfo.InvariantCulture);
        return new SimulatedMember($"29:1sim-user-{number}")
        {
            Name = $"User {number}",
            GivenName = "User",
            Surname = number,
            AadObjectId = $"00000000-0000-4000-8000-{index.ToString("D12", CultureInfo.InvariantCulture)}",
            Email = $"user{number}@contoso.example",
            UserPrincipalName = $"user{number}@contoso.example",
            TenantId = tenantId,
        };
    }

    /// <summary><paramref name="count"/> members numbered from 1.</summary>
    public static IReadOnlyList<SimulatedMember> NumberedRoster(int count, string tenantId, int firstIndex = 1) =>
        [.. Enumerable.Range(firstIndex, count).Select(i => Numbered(i, tenantId))];
}
