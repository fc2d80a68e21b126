using FocusBot.Cards;
using FocusBot.Domain.Roster;
using FocusBot.People;

namespace FocusBot.Privacy;

/// <summary>Who `erase &lt;person&gt;` means: one person, several who fit the name, or nobody FocusBot knows.</summary>
public sealed record ErasureLookup(ErasureTarget? Target, IReadOnlyList<RosterPerson> Candidates, string? Problem);

/// <summary>
/// Finds the person to erase by Entra object id, Teams user id, or a name FocusBot knows from rosters and personal
/// chats, through the people picker's indexed lookups.
/// </summary>
public sealed class ErasureTargets(PeoplePicker people)
{
    public const int MaxTermLength = 120;

    public async Task<ErasureLookup> FindAsync(string tenantId, string who, CancellationToken cancellationToken)
    {
        var term = string.Join(' ', CardText.Plain(who, MaxTermLength).Split(' ', StringSplitOptions.RemoveEmptyEntries));
        if (term.Length == 0)
            return new ErasureLookup(null, [], "Say whose data to erase: erase followed by their name or their Entra object id.");

        if (Guid.TryParse(term, out var objectId))
        {
            var id = objectId.ToString("D");
            var known = await people.FindAsync(tenantId, id, cancellationToken);
            // Someone FocusBot has no chat or roster row for may still have answers, roles or recognitions under this id.
            return One(known is null ? new ErasureTarget(null, id, "the person with Entra object id " + id) : TargetOf(known, id));
        }

        if (term.StartsWith("29:", StringComparison.Ordinal))
        {
            var known = await people.FindAsync(tenantId, term, cancellationToken);
            return One(known is null ? new ErasureTarget(term, null, "the person with Teams user id " + term) : TargetOf(known, null));
        }

        var found = await people.SearchAsync(tenantId, term, ErasureCard.MaxCandidates + 1, cancellationToken);
        var exact = found.Where(p => string.Equals(p.Name.Trim(), term, StringComparison.OrdinalIgnoreCase)).ToList();
        return (exact.Count > 0 ? exact : found) switch
        {
            // The problem is sent as a chat message, whose markdown Teams renders: what was typed must show as typed.
            [] => new ErasureLookup(null, [], $"No one FocusBot knows is called \"{CardText.Escape(term)}\". Use their Entra object id, or their name as Teams shows it. {ErasureCard.NothingErased}"),
            [var one] => One(TargetOf(one, null)),
            var several => new ErasureLookup(null, several, null),
        };
    }

    private static ErasureLookup One(ErasureTarget target) => new(target, [], null);

    private static ErasureTarget TargetOf(RosterPerson person, string? objectId) =>
        new(person.UserId, person.AadObjectId ?? objectId, string.IsNullOrWhiteSpace(person.Name) ? "this person" : CardText.Plain(person.Name, 80));
}
