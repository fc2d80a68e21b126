namespace FocusBot.Domain.Privacy;

/// <summary>
/// How many stored items of each kind an erasure removed (or, from a count, would remove), to report back to the Admin
/// who asked. Counts only: never what the items said.
/// </summary>
public sealed record ErasureResult
{
    public static readonly ErasureResult None = new();

    /// <summary>Their personal chat with FocusBot (where proactive messages go).</summary>
    public int ConversationReferences { get; init; }

    /// <summary>Roster rows: one per team where FocusBot is installed that lists them.</summary>
    public int RosterEntries { get; init; }

    /// <summary>Delivery ledger rows of every kind: pulses, insights, recognitions, digests.</summary>
    public int Deliveries { get; init; }

    /// <summary>Pulse answers and Voice suggestions.</summary>
    public int Answers { get; init; }

    public int PauseFlags { get; init; }

    /// <summary>Role grants: one per role, and one per team a Manager manages.</summary>
    public int RoleAssignments { get; init; }

    /// <summary>Their weekly digest opt-out ("digest off").</summary>
    public int DigestSettings { get; init; }

    /// <summary>"Got it" presses on insights; each insight's count drops by one.</summary>
    public int GotItMarks { get; init; }

    /// <summary>Applause they gave; each recognition's count drops by one.</summary>
    public int ApplauseMarks { get; init; }

    /// <summary>Recognitions of them, deleted whole (a recognition is about one person), with the applause they got.</summary>
    public int Recognitions { get; init; }

    /// <summary>
    /// Peer recognitions they gave a colleague, deleted whole like those of them: each names them as its author and holds
    /// their words.
    /// </summary>
    public int RecognitionsGiven { get; init; }

    /// <summary>Knowledge checks they missed, kept to come back to them alone (spaced review).</summary>
    public int ReviewItems { get; init; }

    public int Total => ConversationReferences + RosterEntries + Deliveries + Answers + PauseFlags + RoleAssignments + DigestSettings + GotItMarks + ApplauseMarks
        + Recognitions + RecognitionsGiven + ReviewItems;
}
