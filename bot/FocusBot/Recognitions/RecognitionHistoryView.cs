using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using FocusBot.Cards;
using FocusBot.Domain.Pulses;
using FocusBot.Domain.Recognitions;

namespace FocusBot.Recognitions;

/// <summary>
/// What the recognition history shows: a team, a behaviour, a month of the tenant's calendar and a kind (each optional),
/// and how far down the list. It travels in the card's buttons and the export link, and is checked each time it comes
/// back: a value that is not one of those offered is dropped, never passed to the store as it came.
/// </summary>
public sealed record RecognitionHistoryView(string? TeamId, string? Behaviour, string? Month, RecognitionKind? Kind, int Skip)
{
    public const string ViewValue = "list";
    public const string ViewId = "view";
    public const string TeamInput = "filterTeam";
    public const string BehaviourInput = "filterBehaviour";
    public const string MonthInput = "filterMonth";
    public const string KindInput = "filterKind";
    public const string SkipId = "skip";

    /// <summary>The recognitions a page shows.</summary>
    public const int PageSize = 5;

    /// <summary>Months the filter offers, this one included.</summary>
    public const int MonthsOffered = 12;

    // Far enough for any history a card is paged through; stops a crafted skip from walking a store for nothing.
    private const int MaxSkip = 10_000;

    public static readonly RecognitionHistoryView All = new(null, null, null, null, 0);

    public bool IsFiltered => TeamId is not null || Behaviour is not null || Month is not null || Kind is not null;

    /// <summary>Reads the view from a button's data, keeping only values among <paramref name="teamIds"/> and <paramref name="behaviours"/>.</summary>
    public static RecognitionHistoryView From(JsonElement data, IReadOnlyCollection<string> teamIds, IReadOnlyCollection<string> behaviours)
    {
        var form = new FormValues(data);
        string? Offered(string id, IReadOnlyCollection<string> allowed) =>
            CardText.Clean(form.Raw(id)) is { Length: > 0 } value && allowed.Contains(value, StringComparer.Ordinal) ? value : null;
        var month = CardText.Clean(form.Raw(MonthInput)) is { Length: > 0 } m && IsMonth(m) ? m : null;
        var skip = int.TryParse(form.Raw(SkipId), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? Math.Min(s, MaxSkip) : 0;
        return new RecognitionHistoryView(Offered(TeamInput, teamIds), Offered(BehaviourInput, behaviours), month, RecognitionKinds.FromCode(form.Raw(KindInput)),
            skip - (skip % PageSize));
    }

    /// <summary>The store query, with the month as the tenant's calendar reads it.</summary>
    public RecognitionQuery ToQuery(string tenantId, PulseCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var query = new RecognitionQuery { TenantId = tenantId, TeamId = TeamId, Behaviour = Behaviour, Kind = Kind };
        if (Month is null)
            return query;
        var (year, month) = (int.Parse(Month[..4], CultureInfo.InvariantCulture), int.Parse(Month[5..], CultureInfo.InvariantCulture));
        var next = new DateOnly(year, month, 1).AddMonths(1);
        return query with { Since = calendar.MonthStart(year, month), Before = calendar.MonthStart(next.Year, next.Month) };
    }

    /// <summary>The view as button data (the skip given), with <see cref="ViewId"/> saying it is the list.</summary>
    public JsonObject ToData(int? skip = null)
    {
        var data = new JsonObject { [ViewId] = ViewValue, [SkipId] = skip ?? Skip };
        if (TeamId is not null)
            data[TeamInput] = TeamId;
        if (Behaviour is not null)
            data[BehaviourInput] = Behaviour;
        if (Month is not null)
            data[MonthInput] = Month;
        if (Kind is { } kind)
            data[KindInput] = RecognitionKinds.Code(kind);
        return data;
    }

    /// <summary>"2026-11", the key a month is filtered and exported by.</summary>
    public static string MonthKey(int year, int month) => string.Create(CultureInfo.InvariantCulture, $"{year:D4}-{month:D2}");

    /// <summary>"November 2026".</summary>
    public static string MonthTitle(string key) =>
        DateTime.ParseExact(key, "yyyy-MM", CultureInfo.InvariantCulture).ToString("MMMM yyyy", CultureInfo.InvariantCulture);

    public static bool IsMonth(string value) =>
        value.Length == 7 && DateTime.TryParseExact(value, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) && parsed.Year >= 2000;
}
