namespace FocusBot.Recognitions;

/// <summary>
/// Recognition (section Recognition): the customer-focus behaviours both executives and colleagues recognise
/// (Recognition:Behaviours, a list), and how many colleagues one person may recognise a week (Recognition:PeerLimitPerWeek).
/// </summary>
public sealed class RecognitionOptions
{
    public const string Section = "Recognition";

    public const int MaxBehaviours = 12;

    public const int MaxBehaviourLength = 60;

    public const int DefaultPeerLimitPerWeek = 3;

    /// <summary>
    /// A limit keeps recognition meaningful (one a day would drown the channel and turn it into a habit); more than this
    /// many a week is no limit at all.
    /// </summary>
    public const int MaxPeerLimitPerWeek = 20;

    public static readonly IReadOnlyList<string> DefaultBehaviours =
    [
        "Listening to customers",
        "Owning the problem",
        "Going the extra mile",
        "Sharing customer insight",
        "Partnering with customers",
    ];

    /// <summary>Empty means <see cref="DefaultBehaviours"/>. (Binding appends to a list, so defaults are not put here.)</summary>
    public List<string> Behaviours { get; set; } = [];

    /// <summary>
    /// Peer recognitions one person may post per calendar week of the tenant's pulse calendar (Monday to Sunday in
    /// Pulse:DefaultTimeZone). Executives are not limited.
    /// </summary>
    public int PeerLimitPerWeek { get; set; } = DefaultPeerLimitPerWeek;

    public IReadOnlyList<string> EffectiveBehaviours =>
        Behaviours.Count == 0 ? DefaultBehaviours : [.. Behaviours.Select(b => b.Trim()).Where(b => b.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase)];

    public bool IsValid => EffectiveBehaviours.Count is > 0 and <= MaxBehaviours && EffectiveBehaviours.All(b => b.Length <= MaxBehaviourLength);

    public bool IsPeerLimitValid => PeerLimitPerWeek is >= 1 and <= MaxPeerLimitPerWeek;
}
