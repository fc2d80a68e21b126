using FocusBot.Domain.Recognitions;

namespace FocusBot.Recognitions;

/// <summary>
/// How each kind of recognition shows, the same in the channel, the personal message, the lists and the export: an
/// executive's is the programme's formal recognition and must never be mistaken for a colleague's thanks.
/// </summary>
public static class RecognitionKinds
{
    public const string ExecutiveLabel = "Executive recognition";

    public const string PeerLabel = "Recognised by a colleague";

    public static string Label(RecognitionKind kind) => kind == RecognitionKind.Executive ? ExecutiveLabel : PeerLabel;

    public static string Icon(RecognitionKind kind) => kind == RecognitionKind.Executive ? "🏆" : "🤝";

    /// <summary>The Adaptive Card container style of the card's header band.</summary>
    public static string Style(RecognitionKind kind) => kind == RecognitionKind.Executive ? "accent" : "good";

    /// <summary>The colour of the header's text, matching <see cref="Style"/>.</summary>
    public static string Color(RecognitionKind kind) => kind == RecognitionKind.Executive ? "Accent" : "Good";

    /// <summary>How the author is described after their name: "Ruth Okafor, Executive" or "Sam Carter, a colleague".</summary>
    public static string AuthorRole(RecognitionKind kind) => kind == RecognitionKind.Executive ? "Executive" : "a colleague";

    /// <summary>The word for the kind in the history filter, the export and its link ("executive", "peer").</summary>
    public static string Code(RecognitionKind kind) => kind == RecognitionKind.Executive ? "executive" : "peer";

    public static RecognitionKind? FromCode(string? code) => code switch
    {
        "executive" => RecognitionKind.Executive,
        "peer" => RecognitionKind.Peer,
        _ => null,
    };
}
