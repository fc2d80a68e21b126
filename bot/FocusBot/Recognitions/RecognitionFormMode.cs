using FocusBot.Domain.Recognitions;

namespace FocusBot.Recognitions;

/// <summary>What differs between the executive's form (`recognize`) and a colleague's (`kudos`): its kind, title and buttons.</summary>
public sealed record RecognitionFormMode(RecognitionKind Kind, string Title, string PostVerb, string SearchVerb)
{
    public static readonly RecognitionFormMode Executive =
        new(RecognitionKind.Executive, "Executive recognition: customer focus", RecognizeCommand.PostVerb, RecognizeCommand.SearchVerb);

    public static readonly RecognitionFormMode Peer = new(RecognitionKind.Peer, "Recognise a colleague", KudosCommand.PostVerb, KudosCommand.SearchVerb);
}
