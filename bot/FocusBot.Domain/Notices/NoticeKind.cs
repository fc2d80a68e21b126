namespace FocusBot.Domain.Notices;

/// <summary>What went wrong; people are told once per kind per day, whatever the number of notices of that kind.</summary>
public enum NoticeKind
{
    /// <summary>The HR digest did not reach one or more HR people, or had nobody to go to.</summary>
    DigestNotDelivered,

    /// <summary>A pulse could not open (e.g. the question bank has no active questions).</summary>
    PulseNotOpened,

    /// <summary>Many people could not be reached by an insight or recognition fan-out.</summary>
    PeopleUnreachable,

    /// <summary>The store could not be reached for a long time.</summary>
    StorageUnavailable,
}
