using System.Globalization;
using System.Text.Json;
using FocusBot.Cards;
using FocusBot.Conversations;
using FocusBot.Domain.Conversations;
using FocusBot.Domain.Recognitions;
using FocusBot.Domain.Roster;
using FocusBot.Messaging;
using FocusBot.People;
using FocusBot.Protocol.Activities;
using Microsoft.Extensions.Options;

namespace FocusBot.Recognitions;

/// <summary>
/// The recognition form from first card to posted recognition, for both kinds: an Executive (`recognize`) chooses anyone
/// FocusBot knows and any team channel; a colleague (`kudos`) chooses someone of a team they are in and one of that team's
/// channels (or posts in the channel they typed it in), a few times a week.
/// </summary>
public sealed partial class RecognitionFormFlow(
    TeamChannels channels,
    PeoplePicker people,
    RecognitionPublisher publisher,
    PeerRecognitionLimit limit,
    IOptionsMonitor<RecognitionOptions> options,
    ILogger<RecognitionFormFlow> logger)
{
    public const string PostedTitle = "Recognition posted";

    private const int SearchResults = 25;

    private static readonly string PartialListNote =
        $"Showing the first {PeoplePicker.MaxChoices} people by name. Search to find someone else.";

    private IReadOnlyList<string> Behaviours => options.CurrentValue.EffectiveBehaviours;

    /// <summary>
    /// Where the form can post and whom it offers. <paramref name="Teams"/> is null for an Executive (anyone FocusBot
    /// knows) and the teams whose members a colleague may recognise otherwise.
    /// </summary>
    private sealed record Scope(IReadOnlyList<ConversationRecord> Channels, ConversationRecord? Fixed, IReadOnlyList<string>? Teams);

    /// <summary>The form, as the answer to a typed command; <paramref name="channel"/> when it was typed in a team's channel.</summary>
    public async Task<AdaptiveCard> FormAsync(TurnContext turn, RecognitionFormMode mode, ConversationRecord? channel, CancellationToken cancellationToken)
    {
        var scope = await ScopeAsync(turn, mode, channel?.ConversationId, cancellationToken);
        if (scope.Channels.Count == 0)
            return mode.Kind == RecognitionKind.Executive ? RecognitionFormCard.NoTeam("recognize") : RecognitionFormCard.NoOwnTeam();
        var (listed, more) = await ListOthersAsync(turn, scope, cancellationToken);
        return RecognitionFormCard.Create(mode, await IntroAsync(turn, mode, cancellationToken), listed, more ? PartialListNote : null, Behaviours, scope.Channels, scope.Fixed);
    }

    public async Task<AdaptiveCardInvokeResponse> SearchAsync(TurnContext turn, RecognitionFormMode mode, JsonElement data, CancellationToken cancellationToken)
    {
        var scope = await ScopeAsync(turn, mode, FixedChannelOf(data), cancellationToken);
        var intro = await IntroAsync(turn, mode, cancellationToken);
        var term = CardText.Plain(new FormValues(data).Raw(RecognitionForm.SearchId), RecognitionForm.MaxSearch);
        if (term.Length == 0)
        {
            var (listed, more) = await ListOthersAsync(turn, scope, cancellationToken);
            return Form(RecognitionFormCard.Create(mode, intro, listed, more ? PartialListNote : null, Behaviours, scope.Channels, scope.Fixed, data));
        }

        var candidates = scope.Teams is null
            ? await people.SearchAsync(turn.TenantId, term, SearchResults + 1, cancellationToken)
            : (await people.ListTeamMembersAsync(turn.TenantId, scope.Teams, cancellationToken)).Where(p => PeoplePicker.NameStartsWith(p, term));
        var found = candidates.Where(p => !IsSender(turn, p)).Take(SearchResults).ToList();
        var where = scope.Teams is null ? "FocusBot knows" : "in your team";
        var note = found.Count == 0
            ? $"No one {where} has a name starting with \"{term}\"."
            : string.Create(CultureInfo.InvariantCulture, $"{found.Count} {(found.Count == 1 ? "person" : "people")} found for \"{term}\".");
        // A single match is chosen for them; otherwise whoever they had chosen stays chosen if still listed.
        var previous = found.Count == 1 ? WithPerson(data, PeoplePicker.ValueOf(found[0])) : data;
        return Form(RecognitionFormCard.Create(mode, intro, found, note, Behaviours, scope.Channels, scope.Fixed, previous));
    }

    public async Task<AdaptiveCardInvokeResponse> PostAsync(TurnContext turn, RecognitionFormMode mode, JsonElement data, CancellationToken cancellationToken)
    {
        var sender = turn.Activity.From ?? new ChannelAccount();
        var scope = await ScopeAsync(turn, mode, FixedChannelOf(data), cancellationToken);
        var allowance = mode.Kind == RecognitionKind.Peer ? await limit.AllowanceAsync(turn.TenantId, sender, cancellationToken) : null;
        async Task<AdaptiveCardInvokeResponse> RefuseAsync(IReadOnlyList<string> problems)
        {
            var (listed, _) = await ListOthersAsync(turn, scope, cancellationToken);
            return Form(RecognitionFormCard.Create(mode, allowance?.Text ?? await IntroAsync(turn, mode, cancellationToken), listed, null, Behaviours, scope.Channels,
                scope.Fixed, data, problems));
        }

        // Over the limit nothing they could change would help: say so first, and keep what they wrote for next week.
        if (allowance is { IsSpent: true })
        {
            LogOverLimit(logger);
            return await RefuseAsync([allowance.Refusal]);
        }

        Func<RosterPerson, CancellationToken, Task<IReadOnlyList<string>>>? teamOf = scope.Teams is null
            ? null
            : (person, token) => people.TeamsOfPersonAsync(turn.TenantId, person.UserId, token);
        var (draft, problems) = await RecognitionForm.ReadAsync(data, turn.TenantId, sender, scope.Channels, Behaviours, people, teamOf, cancellationToken);
        if (draft is null)
        {
            LogRefusedForm(logger, problems.Count);
            return await RefuseAsync(problems);
        }

        var recognition = await publisher.PublishAsync(draft, mode.Kind, turn.TenantId, sender, turn.Connector, cancellationToken);
        if (recognition is null)
            return await RefuseAsync(["Teams did not accept the post in that channel, so nothing was posted. Try again, or choose another channel."]);
        var left = allowance is { Left: { } before } ? before - 1 : (int?)null;
        return AdaptiveCardInvokeResponse.Card(PostedCard(recognition, TeamChannels.TitleOf(draft.Channel), left).ToJsonElement());
    }

    /// <summary>The answer to a posted recognition, in place of the form.</summary>
    /// <param name="left">For a colleague's: how many more they can recognise this week.</param>
    public static AdaptiveCard PostedCard(Recognition recognition, string channelTitle, int? left = null)
    {
        List<CardElement> body =
        [
            new TextBlock(PostedTitle) { Size = "Medium", Weight = "Bolder", Color = "Good" },
            new TextBlock($"{CardText.Markdown(recognition.RecipientName, 80)} is recognised for **{CardText.Markdown(recognition.Behaviour, 80)}** " +
                $"in {CardText.Markdown(channelTitle, 170)}, as {(recognition.Kind == RecognitionKind.Executive ? "an executive recognition" : "a colleague's recognition")}. " +
                "They get a personal message from FocusBot too."),
            new Container([new TextBlock(CardText.Markdown(recognition.Story, RecognitionForm.MaxStory))]) { Style = "emphasis" },
        ];
        if (left is { } more)
        {
            body.Add(new TextBlock(more switch
            {
                <= 0 => "That was your last recognition of a colleague this week.",
                1 => "You can recognise 1 more colleague this week.",
                _ => string.Create(CultureInfo.InvariantCulture, $"You can recognise {more} more colleagues this week."),
            })
            { IsSubtle = true, Size = "Small" });
        }

        return new AdaptiveCard { FallbackText = PostedTitle, Body = body };
    }

    private async Task<Scope> ScopeAsync(TurnContext turn, RecognitionFormMode mode, string? fixedChannelId, CancellationToken cancellationToken)
    {
        var all = await channels.ListAsync(turn.TenantId, cancellationToken);
        if (mode.Kind == RecognitionKind.Executive)
            return new Scope(all, null, null);
        var senderTeams = turn.Activity.From?.Id is { Length: > 0 } userId ? await people.TeamsOfPersonAsync(turn.TenantId, userId, cancellationToken) : [];
        var own = all.Where(c => c.TeamId is { } teamId && senderTeams.Contains(teamId)).ToList();
        var fixedChannel = fixedChannelId is null ? null : own.FirstOrDefault(c => c.ConversationId == fixedChannelId);
        return new Scope(own, fixedChannel, fixedChannel is { TeamId: { } only } ? [only] : [.. own.Select(c => c.TeamId!).Distinct(StringComparer.Ordinal)]);
    }

    private async Task<string> IntroAsync(TurnContext turn, RecognitionFormMode mode, CancellationToken cancellationToken) => mode.Kind == RecognitionKind.Executive
        ? "Posted as an executive recognition in a team channel with the person @mentioned; they get a personal message too."
        : "Thank a colleague in your team for their customer focus: it is posted in the team's channel with them @mentioned, and they get a " +
            "personal message too. " + (await limit.AllowanceAsync(turn.TenantId, turn.Activity.From ?? new ChannelAccount(), cancellationToken)).Text;

    // Recognising yourself is refused, so the form does not offer you.
    private async Task<(IReadOnlyList<RosterPerson> People, bool More)> ListOthersAsync(TurnContext turn, Scope scope, CancellationToken cancellationToken)
    {
        var (listed, more) = scope.Teams is null
            ? await people.ListAsync(turn.TenantId, PeoplePicker.MaxChoices + 1, cancellationToken)
            : (await people.ListTeamMembersAsync(turn.TenantId, scope.Teams, cancellationToken), false);
        var others = listed.Where(p => !IsSender(turn, p)).ToList();
        return ([.. others.Take(PeoplePicker.MaxChoices)], more || others.Count > PeoplePicker.MaxChoices);
    }

    private static string? FixedChannelOf(JsonElement data)
    {
        var form = new FormValues(data);
        return form.Flag(RecognitionForm.FixedChannelId) && CardText.Clean(form.Raw(RecognitionForm.ChannelId)) is { Length: > 0 } id ? id : null;
    }

    private static bool IsSender(TurnContext turn, RosterPerson person) =>
        person.UserId == turn.Activity.From?.Id
        || (person.AadObjectId is not null && string.Equals(person.AadObjectId, turn.Activity.From?.AadObjectId, StringComparison.OrdinalIgnoreCase));

    private static AdaptiveCardInvokeResponse Form(AdaptiveCard card) => AdaptiveCardInvokeResponse.Card(card.ToJsonElement());

    private static JsonElement WithPerson(JsonElement data, string personValue)
    {
        var node = data.ValueKind == JsonValueKind.Object ? System.Text.Json.Nodes.JsonObject.Create(data) ?? [] : [];
        node[RecognitionForm.PersonId] = personValue;
        using var document = JsonDocument.Parse(node.ToJsonString());
        return document.RootElement.Clone();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Recognition form refused with {Count} problem(s); nothing stored")]
    private static partial void LogRefusedForm(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Recognition of a colleague refused: the weekly limit is reached; nothing stored")]
    private static partial void LogOverLimit(ILogger logger);
}
