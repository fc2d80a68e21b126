namespace FocusBot.Recognitions;

/// <summary>The customer-focus behaviours an executive can recognise (Recognition:Behaviours, a list).</summary>
public sealed class RecognitionOptions
{
    public const string Section = "Recognition";

    public const int MaxBehaviours = 12;

    public const int MaxBehaviourLength = 60;

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

    public IReadOnlyList<string> EffectiveBehaviours =>
        Behaviours.Count == 0 ? DefaultBehaviours : [.. Behaviours.Select(b => b.Trim()).Where(b => b.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase)];

    public bool IsValid => EffectiveBehaviours.Count is > 0 and <= MaxBehaviours && EffectiveBehaviours.All(b => b.Length <= MaxBehaviourLength);
}
