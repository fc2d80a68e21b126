using FocusBot.Cards;
using FocusBot.Commands;
using FocusBot.Conversations;
using FocusBot.Domain.Roles;
using FocusBot.Domain.Settings;
using FocusBot.Messaging;
using FocusBot.Protocol.Activities;

namespace FocusBot.Trends;

/// <summary>
/// `digest`, `digest off`, `digest on` (HR, Executives, Managers): say which weekly digests come to this person, stop
/// them, start them again. Remembered per person (by Entra object id), for every digest they would get.
/// </summary>
public sealed partial class DigestCommand(ISettingsStore settings, IRoleStore roles, TeamChannels channels, ILogger<DigestCommand> logger) : ICommandHandler
{
    public const string Usage = "I understand: digest, digest off, digest on.";

    public BotCommand Command => CommandCatalog.Digest;

    public async Task HandleAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        if (turn.Activity.From?.AadObjectId is not { Length: > 0 } aadObjectId)
        {
            await turn.SendAsync(Activity.CreateTextMessage("Teams did not say who you are, so FocusBot cannot change your digest. Try again in a moment."), cancellationToken);
            return;
        }

        var word = arguments.Trim().ToLowerInvariant();
        if (word is not ("" or "on" or "off"))
        {
            await turn.SendAsync(Activity.CreateTextMessage(Usage), cancellationToken);
            return;
        }

        if (word.Length > 0)
        {
            await settings.SetDigestOffAsync(turn.TenantId, aadObjectId, word == "off", cancellationToken);
            LogChanged(logger, word);
        }

        var off = word == "off" || (word.Length == 0 && await settings.IsDigestOffAsync(turn.TenantId, aadObjectId, cancellationToken));
        var which = await WhichAsync(turn.TenantId, aadObjectId, cancellationToken);
        var reply = which.Count == 0
            ? $"Your weekly digest is {(off ? "off" : "on")}. No digest is due to you: digests go to people granted HR, Executive or Manager with the roles command."
            : off
                ? $"Your weekly digest is off: FocusBot will not send you {EnglishList.Or(which)}. Type digest on to get it again."
                : $"Your weekly digest is on: after each pulse you get {EnglishList.And(which)}. Type digest off to stop it.";
        await turn.SendAsync(Activity.CreateTextMessage(reply), cancellationToken);
    }

    /// <summary>The digests the person's grants bring: the organisation's (HR, Executive) and one per team managed.</summary>
    private async Task<IReadOnlyList<string>> WhichAsync(string tenantId, string aadObjectId, CancellationToken cancellationToken)
    {
        var grants = await roles.ListForPersonAsync(tenantId, aadObjectId, cancellationToken);
        List<string> digests = [];
        if (grants.Any(g => g.Role is Role.HR or Role.Executive))
            digests.Add("the organisation's digest");
        var managed = grants.Where(g => g.Role == Role.Manager && g.TeamId is not null).Select(g => g.TeamId!).ToList();
        if (managed.Count == 0)
            return digests;
        var teams = await channels.TeamNamesAsync(tenantId, cancellationToken);
        List<string> names = [.. managed.Select(id => CardText.Escape(teams.TryGetValue(id, out var name) && name.Length > 0 ? name : id)).Order(StringComparer.CurrentCultureIgnoreCase)];
        digests.Add(names.Count == 1 ? $"the digest of {names[0]}" : $"a digest of each team you manage ({EnglishList.And(names)})");
        return digests;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Weekly digest turned {State} by its reader")]
    private static partial void LogChanged(ILogger logger, string state);
}
