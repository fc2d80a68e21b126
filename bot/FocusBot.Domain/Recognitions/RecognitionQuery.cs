namespace FocusBot.Domain.Recognitions;

/// <summary>Which of a tenant's recognitions to list: any combination of a time range, a team, a behaviour and a kind.</summary>
public sealed record RecognitionQuery
{
    public required string TenantId { get; init; }

    /// <summary>Created at or after this instant, when set.</summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>Created before this instant, when set.</summary>
    public DateTimeOffset? Before { get; init; }

    /// <summary>Posted in a channel of this team (its Teams team id), when set.</summary>
    public string? TeamId { get; init; }

    public string? Behaviour { get; init; }

    public RecognitionKind? Kind { get; init; }

    public bool Matches(Recognition recognition)
    {
        ArgumentNullException.ThrowIfNull(recognition);
        return recognition.TenantId == TenantId
            && (Since is not { } since || recognition.CreatedAt >= since)
            && (Before is not { } before || recognition.CreatedAt < before)
            && (TeamId is null || recognition.TeamId == TeamId)
            && (Behaviour is null || recognition.Behaviour == Behaviour)
            && (Kind is not { } kind || recognition.Kind == kind);
    }
}
