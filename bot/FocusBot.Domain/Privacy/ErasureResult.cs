namespace FocusBot.Domain.Privacy;

/// <summary>How many stored items of each kind an erasure removed, to report back to the admin who asked.</summary>
public sealed record ErasureResult(int ConversationReferences, int RosterEntries, int Deliveries, int Answers, int PauseFlags, int RoleAssignments)
{
    public int Total => ConversationReferences + RosterEntries + Deliveries + Answers + PauseFlags + RoleAssignments;
}
