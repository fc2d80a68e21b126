namespace FocusBot.Domain.Recognitions;

/// <summary>Who gave a recognition: an executive (the programme's formal recognition) or a colleague.</summary>
public enum RecognitionKind
{
    /// <summary>Posted by an Executive with `recognize`; never limited. Every recognition stored before peer recognition existed is one.</summary>
    Executive,

    /// <summary>Posted by any member of staff about a colleague in their team, with `kudos`; a few a week per person.</summary>
    Peer,
}
