namespace FocusBot.Domain.Trends;

/// <summary>Why a shown figure carries no change: so a reader gets a reason, never a bare "no comparison".</summary>
public enum NoChangeReason
{
    /// <summary>It has a change, or it is not shown (a hidden figure says nothing at all).</summary>
    None,

    /// <summary>No earlier period within <see cref="TrendComparison.Reach"/> has results for it (first pulse, or not asked).</summary>
    NothingEarlier,

    /// <summary>The latest earlier period with results is hidden, so there is nothing to compare with.</summary>
    EarlierHidden,

    /// <summary>The measure has no change test (eNPS, comment counts).</summary>
    NotTested,
}
