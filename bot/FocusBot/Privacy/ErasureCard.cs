using System.Globalization;
using FocusBot.Cards;
using FocusBot.Domain.Privacy;
using FocusBot.Domain.Roster;

namespace FocusBot.Privacy;

/// <summary>
/// The cards of `erase`: the confirmation naming what will go (counts, never content), the choice when a name fits
/// several people, and the outcome.
/// </summary>
public static class ErasureCard
{
    public const string ConfirmTitle = "Erase this person's data?";
    public const string DoneTitle = "Data erased";
    public const string CandidatesTitle = "Which person?";
    public const string NothingErased = "Nothing has been erased.";

    private const string StaysNote = "Anonymous trend figures stay: they hold counts, not people. If they are still in a team where FocusBot is " +
        "installed, the next roster refresh lists them again.";

    /// <summary>Candidates listed with a button each; a card must stay under 28 KB.</summary>
    public const int MaxCandidates = 10;

    public static AdaptiveCard Confirm(ErasureTarget target, ErasureResult found)
    {
        var name = CardText.Markdown(target.Name, 80);
        List<CardElement> body =
        [
            new TextBlock($"Erase {name}'s data?") { Size = "Large", Weight = "Bolder" },
            Identity(target),
        ];
        if (found.Total == 0)
        {
            body.Add(new TextBlock($"FocusBot holds nothing that identifies {name}: there is nothing to erase.") { Spacing = "Medium" });
            return new AdaptiveCard { FallbackText = ConfirmTitle, Body = body };
        }

        body.Add(new TextBlock($"FocusBot will permanently remove everything it keeps that identifies {name}:") { Spacing = "Medium" });
        body.Add(new FactSet(Facts(found)));
        body.Add(new TextBlock(StaysNote) { IsSubtle = true, Size = "Small" });
        return new AdaptiveCard
        {
            FallbackText = ConfirmTitle,
            Body = body,
            Actions =
            [
                ExecuteAction.WithSubmitFallback("Erase", EraseCommand.ConfirmVerb, target.ToData()) with { Style = "destructive" },
                ExecuteAction.WithSubmitFallback("Cancel", EraseCommand.CancelVerb),
            ],
        };
    }

    public static AdaptiveCard Done(ErasureTarget target, ErasureResult removed, int postsDeleted)
    {
        var name = CardText.Markdown(target.Name, 80);
        if (removed.Total == 0)
        {
            return new AdaptiveCard
            {
                FallbackText = DoneTitle,
                Body =
                [
                    new TextBlock(DoneTitle) { Size = "Large", Weight = "Bolder" },
                    new TextBlock($"Nothing was left to erase for {name}: their data had already been erased."),
                ],
            };
        }

        List<CardElement> body =
        [
            new TextBlock(DoneTitle) { Size = "Large", Weight = "Bolder", Color = "Good" },
            new TextBlock(string.Create(CultureInfo.InvariantCulture, $"Removed {removed.Total} stored item(s) that identified {name}:")),
            new FactSet(Facts(removed)),
        ];
        if (removed.Recognitions + removed.RecognitionsGiven > 0)
        {
            body.Add(new TextBlock(string.Create(CultureInfo.InvariantCulture, $"{postsDeleted} recognition post(s) deleted from their team channels.")) { IsSubtle = true });
        }

        return new AdaptiveCard { FallbackText = DoneTitle, Body = body };
    }

    public static AdaptiveCard InProgress(ErasureTarget target) => new()
    {
        FallbackText = "Erasing",
        Body =
        [
            new TextBlock($"Erasing {CardText.Markdown(target.Name, 80)}'s data…") { Size = "Large", Weight = "Bolder" },
            new TextBlock("This is taking a little longer. FocusBot will post what was removed in this chat when it is done."),
        ],
    };

    public static AdaptiveCard Failed(ErasureTarget target) => new()
    {
        FallbackText = "Erasure did not finish",
        Body =
        [
            new TextBlock("Erasure did not finish") { Size = "Large", Weight = "Bolder", Color = "Attention" },
            new TextBlock($"FocusBot's storage could not be reached, so some of {CardText.Markdown(target.Name, 80)}'s data may remain. " +
                "Type the erase command again to finish: what is already gone stays gone."),
        ],
    };

    public static AdaptiveCard Cancelled() => new()
    {
        FallbackText = NothingErased,
        Body = [new TextBlock(NothingErased + " The request was cancelled.") { Weight = "Bolder" }],
    };

    public static AdaptiveCard Candidates(string term, IReadOnlyList<RosterPerson> people)
    {
        List<CardElement> body =
        [
            new TextBlock(CandidatesTitle) { Size = "Large", Weight = "Bolder" },
            new TextBlock($"\"{CardText.Markdown(term, 80)}\" fits more than one person FocusBot knows. {NothingErased} Choose the person, " +
                "or type erase followed by their Entra object id."),
        ];
        foreach (var person in people.Take(MaxCandidates))
        {
            var target = new ErasureTarget(person.UserId, person.AadObjectId, CardText.Plain(person.Name, 80));
            body.Add(new ColumnSet(
            [
                new Column(
                [
                    new TextBlock($"**{CardText.Markdown(person.Name, 80)}**"),
                    new TextBlock(CardText.Markdown(person.AadObjectId ?? person.UserId, 100)) { Size = "Small", IsSubtle = true, Spacing = "None" },
                ])
                {
                    Width = "stretch",
                    VerticalContentAlignment = "Center",
                },
                new Column([new ActionSet([ExecuteAction.WithSubmitFallback("Choose", EraseCommand.ChooseVerb, target.ToData())])]) { Width = "auto" },
            ])
            {
                Separator = true,
            });
        }

        return new AdaptiveCard { FallbackText = CandidatesTitle, Body = body };
    }

    private static TextBlock Identity(ErasureTarget target) =>
        new(CardText.Markdown(target.AadObjectId is { } id ? "Entra object id " + id : "Teams user id " + target.UserId, 200)) { Size = "Small", IsSubtle = true, Spacing = "None" };

    private static List<Fact> Facts(ErasureResult counts) =>
    [
        Count("Personal chat reference", counts.ConversationReferences),
        Count("Team roster entries", counts.RosterEntries),
        Count("Delivery records (pulses, insights, recognitions)", counts.Deliveries),
        Count("Answers and Voice suggestions", counts.Answers),
        Count("Knowledge checks kept for them to review", counts.ReviewItems),
        Count("\"Got it\" on insights (counts drop)", counts.GotItMarks),
        Count("Applause given (counts drop)", counts.ApplauseMarks),
        Count("Recognitions of them, with their posts", counts.Recognitions),
        Count("Recognitions they gave a colleague, with their posts", counts.RecognitionsGiven),
        Count("Role grants (a Manager: one per team)", counts.RoleAssignments),
        Count("Pause setting", counts.PauseFlags),
        Count("Weekly digest turned off", counts.DigestSettings),
    ];

    private static Fact Count(string what, int count) => new(what, count.ToString(CultureInfo.InvariantCulture));
}
