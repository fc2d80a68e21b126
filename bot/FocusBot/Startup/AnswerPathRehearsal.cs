using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using FocusBot.Domain.Answers;
using FocusBot.Domain.Deliveries;
using FocusBot.Domain.Pulses;
using FocusBot.Domain.Questions;
using FocusBot.Domain.Roster;
using FocusBot.Domain.Trends;
using FocusBot.Messaging;
using FocusBot.Privacy;
using FocusBot.Protocol;
using FocusBot.Protocol.Activities;
using FocusBot.Protocol.Authentication;
using FocusBot.Protocol.Connector;
using FocusBot.Pulses;

namespace FocusBot.Startup;

/// <summary>
/// Everything answering the pulse card does for the first time in a process, done once for a made-up person who stores
/// nothing: parse the invoke, authenticate it, route it, read the pulse, its questions and the person's answers, teams and
/// counted record, compute pseudonym and markers, validate the values, weigh the trend contributions, build and serialise
/// the form and the answered card, and queue a write. The one write, the replay guard's mark for an activity that can
/// never arrive, is removed again as for a failed turn; no answer, delivery, marker or trend figure is written, and nothing
/// is sent to anyone.
/// </summary>
public sealed class AnswerPathRehearsal(
    BotRequestAuthenticator authenticator,
    ReplayGuard replays,
    ActivityRouter router,
    IEnumerable<ICardActionHandler> cardActions,
    PulseBank bank,
    IPulseStore pulses,
    IQuestionStore questions,
    IRosterStore roster,
    ICountedAnswersStore counted,
    Pseudonyms pseudonyms,
    IServiceProvider services,
    TimeProvider timeProvider)
{
    /// <summary>Not a Teams id (those are long opaque strings): nobody real can be this person.</summary>
    public const string Person = "29:focusbot-warm-up";

    // Teams answers many people at once after a send; opening this many read connections now spares the first burst that.
    private const int Concurrent = 8;

    /// <summary>Rehearses on the open pulse, or on a stand-in built from the question bank; returns which, for the log.</summary>
    public async Task<string> RunAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var open = (await pulses.ListActiveAsync(cancellationToken))
            .Where(p => p.Status is PulseStatus.Sending or PulseStatus.Open && now < p.ClosesAt)
            .OrderByDescending(p => p.OpensAt).FirstOrDefault();
        var pulse = open ?? await StandInAsync(now, cancellationToken);
        if (pulse is null)
            return "nothing (no open pulse, and no active question to build a card from)";

        var pulseQuestions = await bank.QuestionsOfAsync(pulse, cancellationToken);
        await RouteChangeAnswersAsync(pulse, cancellationToken);
        await SaveShortOfStoringAsync(pulse, pulseQuestions, now, cancellationToken);
        return open is null ? "a stand-in pulse (none is open)" : $"the open pulse {open.Id}";
    }

    /// <summary>
    /// "Change answers" as POST /api/messages runs it: parsed from bytes, routed, answered with the form, serialised. It only
    /// reads; for a pulse that is not stored (the stand-in) it ends at "not recognised", which still reads the store.
    /// </summary>
    private async Task RouteChangeAnswersAsync(Pulse pulse, CancellationToken cancellationToken)
    {
        // A transient typed client, resolved per use as the endpoint does; it is never called (an invoke is answered in its response).
        var connector = services.GetRequiredService<ConnectorClient>();
        var activity = await ParseAsync(ChangeAnswersInvoke(pulse), cancellationToken);
        // No token: Development lets a loopback caller through, Production refuses at once; either way nothing is fetched.
        _ = await authenticator.AuthenticateAsync(null, activity, IPAddress.Loopback, cancellationToken);
        var result = await router.RouteAsync(new TurnContext(activity, connector), cancellationToken);
        await SerialiseAsync(result.InvokeResponse, cancellationToken);

        // The guard's mark is the answer path's first write: taken, then dropped because the turn "failed" (501), as the
        // guard drops it for any failed turn so that a retry can act. The write queue, its transaction and its sync to disk
        // are warm after this, and the store holds nothing new.
        _ = await replays.RouteOnceAsync(new TurnContext(activity, connector), (_, _) => Task.FromResult(TurnResult.NotImplemented), cancellationToken);

        // The handler directly from here on: through the router each would log a card action nobody pressed.
        var handler = cardActions.First(h => h.Verbs.Contains(PulseCard.EditVerb));
        var data = activity.Value!.Value.GetProperty("action").GetProperty("data");
        await Task.WhenAll(Enumerable.Range(0, Concurrent).Select(async _ =>
            await SerialiseAsync(await handler.HandleAsync(new TurnContext(activity, connector), PulseCard.EditVerb, data, cancellationToken), cancellationToken)));
    }

    /// <summary>What "Submit answers" adds to the reads above, up to the writes and not including them.</summary>
    private async Task SaveShortOfStoringAsync(Pulse pulse, IReadOnlyList<Question> pulseQuestions, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var values = pulseQuestions.ToDictionary(q => q.Id, SampleValue, StringComparer.Ordinal);
        foreach (var question in pulseQuestions)
            _ = AnswerScales.Validate(question, values[question.Id]);

        var pseudonym = pseudonyms.For(pulse.TenantId, Person);
        var teams = await roster.ListTeamsForUserAsync(pulse.TenantId, Person, cancellationToken);
        _ = await counted.GetAsync(pulse.Id, pseudonym, cancellationToken);
        var answers = pulseQuestions.Select(q => (q, new Answer
        {
            PulseId = pulse.Id,
            QuestionId = q.Id,
            RespondentPseudonym = pseudonym,
            TenantId = pulse.TenantId,
            Value = values[q.Id],
            TeamIds = teams,
            AnsweredAt = now,
        })).ToList();
        var delta = TrendContributions.Difference(TrendContributions.OfRespondent(pulse, answers), []);
        _ = TrendContributions.ToDeltas(pulse.TenantId, delta);
        _ = pseudonyms.AnsweredMarker(pulse.Id, RecipientKeys.For(pulse.TenantId, Person));
        await SerialiseAsync(AdaptiveCardInvokeResponse.Card(PulseCard.Answered(pulse.Id, pulseQuestions, ShownAnswers.Of(pulseQuestions, answers.ToDictionary(a => a.q.Id, a => a.Item2, StringComparer.Ordinal)), pulse.ClosesAt).ToJsonElement()), cancellationToken);
    }

    /// <summary>A pulse that is never stored, with questions from the bank, so the cards can be built when none is open.</summary>
    private async Task<Pulse?> StandInAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var bank = await questions.ListAsync(includeInactive: false, cancellationToken);
        if (bank.Count == 0)
            return null;
        return new Pulse
        {
            Id = "focusbot-warm-up",
            TenantId = "focusbot-warm-up",
            QuestionIds = [.. bank.Take(5).Select(q => q.Id)],
            OpensAt = now,
            ClosesAt = now.AddDays(1),
            Status = PulseStatus.Open,
        };
    }

    private static string SampleValue(Question question) =>
        question.Kind == QuestionKind.FreeText ? "warm-up" : AnswerScales.ChoicesFor(question)[^1].Value;

    private static byte[] ChangeAnswersInvoke(Pulse pulse) => JsonSerializer.SerializeToUtf8Bytes(new JsonObject
    {
        ["type"] = ActivityTypes.Invoke,
        ["name"] = InvokeNames.AdaptiveCardAction,
        ["id"] = "focusbot-warm-up:" + Guid.NewGuid().ToString("N"),
        ["channelId"] = "msteams",
        ["serviceUrl"] = "https://smba.trafficmanager.net/focusbot-warm-up/",
        ["from"] = new JsonObject { ["id"] = Person },
        ["recipient"] = new JsonObject { ["id"] = "28:focusbot-warm-up" },
        ["conversation"] = new JsonObject { ["id"] = "a:focusbot-warm-up", ["conversationType"] = "personal", ["tenantId"] = pulse.TenantId },
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = pulse.TenantId } },
        ["value"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = PulseCard.EditVerb, ["data"] = new JsonObject { ["pulseId"] = pulse.Id } },
            ["trigger"] = "manual",
        },
    });

    private static async Task<Activity> ParseAsync(byte[] json, CancellationToken cancellationToken)
    {
        using var body = new MemoryStream(json);
        return await JsonSerializer.DeserializeAsync(body, ProtocolJsonContext.Default.Activity, cancellationToken)
            ?? throw new InvalidOperationException("The rehearsal's invoke did not parse.");
    }

    private static async Task SerialiseAsync(AdaptiveCardInvokeResponse? response, CancellationToken cancellationToken)
    {
        if (response is not null)
            await JsonSerializer.SerializeAsync(Stream.Null, response, ProtocolJsonContext.Default.AdaptiveCardInvokeResponse, cancellationToken);
    }
}
