namespace FocusBot.Domain.Actions;

/// <summary>Where an action stands; staff see it on every "You said, we did" card.</summary>
public enum ActionStatus
{
    Planned,
    InProgress,
    Done,
}

/// <summary>
/// Who stands behind an action, as staff are told: never the recorder's name, only "the leadership team" (an Executive
/// recorded it) or "HR" (the programme owner did).
/// </summary>
public enum ActionSponsor
{
    Leadership,
    Hr,
}

/// <summary>
/// "You said, we did": what will change in answer to a Voice theme (or to the comments in general), who owns it, by
/// when, and where it stands. Named so it does not clash with <see cref="System.Action"/>.
/// </summary>
public sealed record ProgrammeAction
{
    public required string Id { get; init; }

    public required string TenantId { get; init; }

    /// <summary>What will change, as HR or an Executive wrote it; shown to staff.</summary>
    public required string Change { get; init; }

    /// <summary>A role or a person, as written by the recorder; shown to staff.</summary>
    public required string Owner { get; init; }

    public required DateOnly DueDate { get; init; }

    public required ActionStatus Status { get; init; }

    /// <summary>The Voice theme phrase it answers; null answers the comments in general.</summary>
    public string? Theme { get; init; }

    /// <summary>Entra object id of the person who recorded it; never shown to staff.</summary>
    public required string RecordedByAadObjectId { get; init; }

    public required ActionSponsor Sponsor { get; init; }

    public string? AudienceTeamId { get; init; }

    public string? AudienceChannelId { get; init; }

    /// <summary>Sent to everyone in their personal chat when recorded.</summary>
    public bool AllStaff { get; init; }

    /// <summary>1 when recorded, one more at every status change; each announced revision has a delivery ledger of its own.</summary>
    public int Revision { get; init; } = 1;

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }
}
