using FocusBot.Domain.Roles;

namespace FocusBot.Commands;

/// <summary>
/// The commands one person may type in one conversation: those their roles allow, in that conversation's scope. Help
/// lists them and suggestions choose among them, so neither shows anyone a command another role keeps.
/// </summary>
/// <param name="Roles">The roles the reader holds beyond Staff, which everyone is.</param>
/// <param name="Scope">Personal chat, or a team channel (group chats count as one: FocusBot is addressed by mention).</param>
/// <param name="Mention">What starts a command here, e.g. "@FocusBot"; null in the personal chat, where nothing does.</param>
public sealed record CommandsForReader(IReadOnlySet<Role> Roles, BotCommandScope Scope, string? Mention)
{
    public IReadOnlyList<BotCommand> Catalog { get; init; } = CommandCatalog.All;

    public bool MayUse(BotCommand command) => command.IsAllowedFor(Roles);

    /// <summary>What help lists: allowed for the reader and answered here.</summary>
    public IEnumerable<BotCommand> Listed => Catalog.Where(c => c.Scopes.HasFlag(Scope) && MayUse(c));

    /// <summary>Roles the reader lacks that would open more commands here: named, the commands themselves never listed.</summary>
    public IReadOnlyList<Role> RolesWithMoreCommands =>
        [.. Catalog.Where(c => c.Scopes.HasFlag(Scope) && !MayUse(c)).SelectMany(c => c.AllowedRoles).Where(r => !Roles.Contains(r)).Distinct().Order()];

    /// <summary>True in a channel when the reader has commands that only the personal chat answers.</summary>
    public bool MoreInPersonalChat => Scope != BotCommandScope.Personal && Catalog.Any(c => !c.Scopes.HasFlag(Scope) && MayUse(c));

    /// <summary>A line as the reader types it here: with the mention first in a channel.</summary>
    public string Typed(string line) => Mention is null ? line : $"{Mention} {line}";

    /// <summary>The command a name or alias means (any case, any spacing), whoever may use it; null if none.</summary>
    public BotCommand? Find(string name)
    {
        var wanted = string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return Catalog.FirstOrDefault(c => c.Aliases.Prepend(c.Name).Contains(wanted, StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>Every name and alias of the commands help lists here.</summary>
    public IEnumerable<string> ListedNames => Listed.SelectMany(NamesOf);

    /// <summary>Every name and alias of every command the reader may use, wherever it is answered.</summary>
    public IEnumerable<string> UsableNames => Catalog.Where(MayUse).SelectMany(NamesOf);

    private static IEnumerable<string> NamesOf(BotCommand command) => command.Aliases.Prepend(command.Name);
}
