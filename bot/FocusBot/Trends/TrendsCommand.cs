using FocusBot.Cards;
using FocusBot.Commands;
using FocusBot.Domain.Conversations;
using FocusBot.Domain.Trends;
using FocusBot.Messaging;
using FocusBot.Protocol.Activities;
using FocusBot.Telemetry;

namespace FocusBot.Trends;

/// <summary>`trends [team] [knowledge|behaviour|attitude] [N weeks|months|quarters]`: the HR trend card.</summary>
public sealed partial class TrendsCommand(PrivacyGate gate, ReportUrls urls, IConversationStore conversations, ILogger<TrendsCommand> logger) : ICommandHandler
{
    public BotCommand Command => CommandCatalog.Trends;

    public async Task HandleAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        var request = TrendsArguments.Parse(arguments);
        if (await SliceAsync(turn, conversations, request.TeamName, cancellationToken) is not { } slice)
            return;

        var report = await gate.PublishTracedAsync(new TrendRequest
        {
            TenantId = turn.TenantId,
            Slice = slice,
            Kind = request.Kind,
            Count = request.Count,
            TeamPeriods = slice == TrendSlices.Org ? 2 : 0,
        }, FocusBotTelemetry.TrendsRoutes.Card, cancellationToken);

        Uri? page = null;
        Uri? csv = null;
        if (turn.Activity.From?.AadObjectId is { Length: > 0 } aadObjectId)
        {
            var link = urls.LinkFor(turn.TenantId, aadObjectId, turn.Activity.From.Id, slice, request.Kind, request.Count);
            (page, csv) = (urls.Page(link), urls.Csv(link));
        }

        LogTrends(logger, slice == TrendSlices.Org ? "organisation" : "team", request.Kind, report.Periods.Count);
        await turn.SendAsync(Activity.CreateCardMessage(TrendCard.Create(report, request.Dimension, page, csv).ToJsonElement(), TrendCard.Title), cancellationToken);
    }

    /// <summary>
    /// The organisation, or the team <paramref name="wanted"/> names; null after telling the person no team has that name
    /// (and which teams there are). `trends` and `comments` find teams the same way.
    /// </summary>
    internal static async Task<string?> SliceAsync(TurnContext turn, IConversationStore conversations, string? wanted, CancellationToken cancellationToken)
    {
        if (wanted is null)
            return TrendSlices.Org;
        var teams = await TeamsAsync(conversations, turn.TenantId, cancellationToken);
        if (Match(teams, wanted) is { } team)
            return TrendSlices.Team(team);

        // A chat message renders markdown: what was typed and the team names from Teams must show as typed.
        var known = teams.Count == 0
            ? "FocusBot is not installed in any team yet."
            : "Teams: " + string.Join(", ", teams.Values.Order(StringComparer.OrdinalIgnoreCase).Take(20).Select(CardText.Escape)) + ".";
        await turn.SendAsync(Activity.CreateTextMessage($"I found no team called \"{CardText.Escape(wanted)}\". {known}"), cancellationToken);
        return null;
    }

    /// <summary>Team names by team id, from the team installs of the tenant.</summary>
    private static async Task<Dictionary<string, string>> TeamsAsync(IConversationStore conversations, string tenantId, CancellationToken cancellationToken)
    {
        var teams = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var record in conversations.ListTeamsAsync(cancellationToken))
        {
            if (record.TenantId == tenantId && record.TeamId is { Length: > 0 } id && !string.IsNullOrWhiteSpace(record.TeamName))
                teams[id] = record.TeamName;
        }

        return teams;
    }

    /// <summary>An exact name (ignoring case) wins; otherwise the one team whose name starts with, then contains, the words.</summary>
    private static string? Match(Dictionary<string, string> teams, string wanted)
    {
        foreach (var test in (Func<string, bool>[])[
            name => name.Equals(wanted, StringComparison.OrdinalIgnoreCase),
            name => name.StartsWith(wanted, StringComparison.OrdinalIgnoreCase),
            name => name.Contains(wanted, StringComparison.OrdinalIgnoreCase)])
        {
            var found = teams.Where(t => test(t.Value)).ToList();
            if (found.Count == 1)
                return found[0].Key;
            if (found.Count > 1)
                return null;
        }

        return null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Trends card for the {Scope} by {Kind}, {Periods} period(s)")]
    private static partial void LogTrends(ILogger logger, string scope, PeriodKind kind, int periods);
}
